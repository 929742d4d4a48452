package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.todo.TodoStats;
import io.micronaut.serde.annotation.Serdeable;

/** Progress over one owner's to-dos; {@code completion_rate} is 0.0 to 1.0. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record StatsResponse(
    long total,
    long active,
    long completed,
    long overdue,
    @JsonProperty("due_today") long dueToday,
    @JsonProperty("completion_rate") double completionRate) {

  static StatsResponse of(TodoStats stats) {
    return new StatsResponse(
        stats.total(),
        stats.active(),
        stats.completed(),
        stats.overdue(),
        stats.dueToday(),
        stats.completionRate());
  }
}

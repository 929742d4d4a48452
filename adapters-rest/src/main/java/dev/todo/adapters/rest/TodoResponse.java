package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.todo.Todo;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A to-do as the API shows it: every field, {@code null} where there is no value. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Todo")
record TodoResponse(
    @Schema(format = "uuid") String id,
    String title,
    @Schema(nullable = true) String notes,
    boolean completed,
    @JsonProperty("completed_at") @Schema(format = "date-time", nullable = true) String completedAt,
    @JsonProperty("due_date") @Schema(format = "date", nullable = true) String dueDate,
    @Schema(allowableValues = {"none", "low", "medium", "high"}) String priority,
    long position,
    @JsonProperty("attachment_count") int attachmentCount,
    @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
    @JsonProperty("updated_at") @Schema(format = "date-time") String updatedAt,
    long version) {

  static TodoResponse of(Todo todo) {
    return new TodoResponse(
        todo.id().toString(),
        todo.title().value(),
        todo.notes().map(notes -> notes.value()).orElse(null),
        todo.completed(),
        todo.completedAt().map(Timestamps::format).orElse(null),
        todo.dueDate().map(LocalDate::toString).orElse(null),
        todo.priority().wireName(),
        todo.position(),
        todo.attachmentCount(),
        Timestamps.format(todo.createdAt()),
        Timestamps.format(todo.updatedAt()),
        todo.version());
  }
}

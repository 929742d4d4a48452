package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TrashedTodo;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A to-do as the API shows it: every field, {@code null} where there is no value. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record TodoResponse(
    @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @JsonProperty("list_id") @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED)
        String listId,
    @JsonProperty("created_by")
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String createdBy,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
    @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String notes,
    boolean completed,
    @JsonProperty("completed_at")
        @Schema(format = "date-time", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String completedAt,
    @JsonProperty("completed_by")
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String completedBy,
    @JsonProperty("due_date")
        @Schema(format = "date", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String dueDate,
    @Schema(
            allowableValues = {"none", "low", "medium", "high"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        String priority,
    long position,
    @JsonProperty("attachment_count") int attachmentCount,
    @JsonProperty("step_count") int stepCount,
    @JsonProperty("steps_completed") int stepsCompleted,
    @JsonProperty("created_at")
        @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
        String createdAt,
    @JsonProperty("updated_at")
        @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
        String updatedAt,
    long version,
    @JsonProperty("deleted_at")
        @Schema(format = "date-time", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String deletedAt,
    @JsonProperty("deleted_by")
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String deletedBy) {

  static TodoResponse of(Todo todo) {
    return of(todo, null, null);
  }

  /** A to-do in the trash: when and by whom it was deleted. */
  static TodoResponse of(TrashedTodo trashed) {
    return of(
        trashed.todo(), Timestamps.format(trashed.deletedAt()), trashed.deletedBy().orElse(null));
  }

  /** A to-do with the trash's fields as given ({@code null} for a live one). */
  static TodoResponse of(Todo todo, String deletedAt, String deletedBy) {
    return new TodoResponse(
        todo.id().toString(),
        todo.listId().toString(),
        todo.createdBy().orElse(null),
        todo.title().value(),
        todo.notes().map(notes -> notes.value()).orElse(null),
        todo.completed(),
        todo.completedAt().map(Timestamps::format).orElse(null),
        todo.completedBy().orElse(null),
        todo.dueDate().map(LocalDate::toString).orElse(null),
        todo.priority().wireName(),
        todo.position(),
        todo.attachmentCount(),
        todo.stepCount(),
        todo.stepsCompleted(),
        Timestamps.format(todo.createdAt()),
        Timestamps.format(todo.updatedAt()),
        todo.version(),
        deletedAt,
        deletedBy);
  }
}

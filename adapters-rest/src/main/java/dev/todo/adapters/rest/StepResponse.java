package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.step.Step;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A step of a to-do's checklist as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record StepResponse(
    @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @JsonProperty("todo_id") @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED)
        String todoId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
    boolean completed,
    @Schema(description = "order within the to-do's steps; ties by created_at") long position,
    @JsonProperty("created_at")
        @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
        String createdAt,
    @JsonProperty("updated_at")
        @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED)
        String updatedAt) {

  static StepResponse of(Step step) {
    return new StepResponse(
        step.id().toString(),
        step.todoId().toString(),
        step.title().value(),
        step.completed(),
        step.position(),
        Timestamps.format(step.createdAt()),
        Timestamps.format(step.updatedAt()));
  }

  /** {@code {"data": [...]}}, in position order. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Page(List<StepResponse> data) {}
}

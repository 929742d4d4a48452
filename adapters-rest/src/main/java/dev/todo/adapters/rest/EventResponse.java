package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.audit.AuditEntry;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.in.ActivityUseCase.EventPage;
import dev.todo.domain.todo.TodoId;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** An audit event as the API shows it: its actor as the user is known now (all null: nobody). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record EventResponse(
    @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED) String at,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Actor actor,
    @Schema(example = "todo.completed", requiredMode = Schema.RequiredMode.REQUIRED) String action,
    @JsonProperty("list_id")
        @Schema(format = "uuid", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String listId,
    @JsonProperty("todo_id")
        @Schema(format = "uuid", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String todoId,
    @JsonProperty("request_id")
        @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
        String requestId,
    @Schema(
            description = "each changed field: [old, new], or [\"changed\"] for notes",
            requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, List<Object>> changes) {

  /** Who made the change; every field null for the service itself or an erased account. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Actor(
      @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String id,
      @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String email) {}

  /** A page of events, newest first; {@code next} continues it ({@code before=next}). */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Page(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<EventResponse> data,
      @Schema(format = "uuid", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
          String next) {

    static Page of(EventPage page) {
      return new Page(
          page.events().stream().map(EventResponse::of).toList(), page.next().orElse(null));
    }
  }

  static EventResponse of(AuditEntry entry) {
    var event = entry.event();
    var actor = entry.actor();
    return new EventResponse(
        event.id().toString(),
        Timestamps.format(event.at()),
        new Actor(actor.id().orElse(null), actor.name().orElse(null), actor.email().orElse(null)),
        event.action().wireName(),
        event.listId().map(ListId::toString).orElse(null),
        event.todoId().map(TodoId::toString).orElse(null),
        event.requestId().orElse(null),
        event.changes().fields());
  }
}

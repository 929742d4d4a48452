package dev.todo.domain.audit;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.TodoId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change, as the audit log keeps it: who ({@code actor}, a user id; empty for the service's own
 * routines and once the account is erased), what, where, in which request, and the changed fields.
 * Millisecond times.
 */
public record AuditEvent(
    AuditEventId id,
    Instant at,
    Optional<String> actor,
    AuditAction action,
    Optional<ListId> listId,
    Optional<TodoId> todoId,
    Optional<String> requestId,
    Changes changes) {

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(todoId, "todoId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(changes, "changes");
    at = Instant.ofEpochMilli(at.toEpochMilli());
  }
}

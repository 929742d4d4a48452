package dev.todo.application;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.AuditEvent;
import dev.todo.domain.audit.AuditEventId;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.RequestCorrelation;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.time.Clock;
import java.util.Optional;

/**
 * Writes the audit events of the use cases: each change appends its one event inside the write
 * transaction that makes the change, so that both commit or neither does.
 */
final class Activity {

  private final AuditLog log;
  private final Clock clock;
  private final RequestCorrelation correlation;

  Activity(AuditLog log, Clock clock, RequestCorrelation correlation) {
    this.log = log;
    this.clock = clock;
    this.correlation = correlation;
  }

  /**
   * The events of {@code caller}'s request. Called on the request's own thread, before the write
   * (which may run on the writer's thread): that is where the request id is known.
   */
  Recorder by(Caller caller) {
    return new Recorder(Optional.of(caller.subject()), correlation.currentRequestId());
  }

  /**
   * The events of a request whose caller is not to be named (the erasure of their own account): the
   * request id, no actor. Called on the request's own thread, like {@link #by}.
   */
  Recorder anonymously() {
    return new Recorder(Optional.empty(), correlation.currentRequestId());
  }

  /** The events of the service's own routines: no actor, no request. */
  Recorder bySystem() {
    return new Recorder(Optional.empty(), Optional.empty());
  }

  /** Appends the events of one actor in one request; call inside the write transaction. */
  final class Recorder {

    private final Optional<String> actor;
    private final Optional<String> requestId;

    private Recorder(Optional<String> actor, Optional<String> requestId) {
      this.actor = actor;
      this.requestId = requestId;
    }

    void todo(AuditAction action, Todo todo, Changes changes) {
      append(action, Optional.of(todo.listId()), Optional.of(todo.id()), changes);
    }

    void list(AuditAction action, ListId list, Changes changes) {
      append(action, Optional.of(list), Optional.empty(), changes);
    }

    void about(AuditAction action, Optional<ListId> list, Optional<TodoId> todo, Changes changes) {
      append(action, list, todo, changes);
    }

    private void append(
        AuditAction action, Optional<ListId> list, Optional<TodoId> todo, Changes changes) {
      log.append(
          new AuditEvent(
              AuditEventId.random(),
              clock.instant(),
              actor,
              action,
              list,
              todo,
              requestId,
              changes));
    }
  }
}

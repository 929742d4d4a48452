package dev.todo.domain.audit;

import java.util.Objects;
import java.util.Optional;

/** An event as read from the log, with what is known now of its actor. */
public record AuditEntry(AuditEvent event, Actor actor) {

  public AuditEntry {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(actor, "actor");
  }

  /** The user behind an event: all empty for the service itself and for an erased account. */
  public record Actor(Optional<String> id, Optional<String> name, Optional<String> email) {

    public static final Actor NOBODY =
        new Actor(Optional.empty(), Optional.empty(), Optional.empty());

    public Actor {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }
  }
}

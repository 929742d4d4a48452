package dev.todo.domain.sync;

import java.util.Objects;

/** An entity as it is now, with the change that last touched it (its own fields or counters). */
public record Versioned<T>(T entity, long seq) {

  public Versioned {
    Objects.requireNonNull(entity, "entity");
  }
}

package dev.todo.domain.step;

import dev.todo.domain.CanonicalUuid;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The public, unguessable id of a step. */
public record StepId(UUID value) {

  public StepId {
    Objects.requireNonNull(value, "value");
  }

  public static StepId random() {
    return new StepId(UUID.randomUUID());
  }

  /** The id written as a canonical UUID, or empty for anything else (it names no step). */
  public static Optional<StepId> parse(String text) {
    return CanonicalUuid.parse(text).map(StepId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

package dev.todo.domain.todo;

import dev.todo.domain.error.PreconditionFailedException;
import java.util.Set;

/**
 * What the caller expects the current version to be (HTTP {@code If-Match}): nothing (the write
 * applies, last writer wins), any existing version ({@code *}), or one of a set of versions.
 */
public sealed interface VersionPrecondition {

  record None() implements VersionPrecondition {}

  record AnyExisting() implements VersionPrecondition {}

  record OneOf(Set<Long> versions) implements VersionPrecondition {
    public OneOf {
      versions = Set.copyOf(versions);
    }
  }

  static VersionPrecondition none() {
    return new None();
  }

  static VersionPrecondition anyExisting() {
    return new AnyExisting();
  }

  static VersionPrecondition oneOf(Set<Long> versions) {
    return new OneOf(versions);
  }

  /** Throws {@link PreconditionFailedException} unless the current version is acceptable. */
  default void check(long currentVersion) {
    if (this instanceof OneOf(Set<Long> versions) && !versions.contains(currentVersion)) {
      throw new PreconditionFailedException(currentVersion);
    }
  }
}

package dev.todo.domain.sync;

import java.util.Objects;

/**
 * Something a caller could see and no longer can, removed by change {@code seq}: a to-do or step
 * gone from a list (trashed, deleted, moved away), or a list gone for a user (deleted, left,
 * removed from it).
 */
public record Removal(EntityType type, String id, long seq) {

  public Removal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }
}

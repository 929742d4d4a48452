package dev.todo.domain.list;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A list of to-dos, owned by one user and shared with others. Its counters are derived data kept by
 * the store (the to-dos in it not in the trash, the active ones, the members with the owner); they
 * change without a new {@code version}, which follows the list's own fields only (its name).
 */
public record TodoList(
    ListId id,
    String owner,
    ListName name,
    boolean isDefault,
    long todoCount,
    long activeCount,
    long memberCount,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public TodoList {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (owner.isBlank()) {
      throw new IllegalArgumentException("A list needs an owner");
    }
    if (todoCount < 0 || activeCount < 0 || activeCount > todoCount || memberCount < 1) {
      throw new IllegalArgumentException("Inconsistent counts");
    }
    if (version < 1) {
      throw new IllegalArgumentException("Versions start at 1");
    }
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A new, empty list whose only member is its owner. */
  public static TodoList create(
      ListId id, String owner, ListName name, boolean isDefault, Instant now) {
    return new TodoList(id, owner, name, isDefault, 0, 0, 1, now, now, 1);
  }

  /** The list under another name, one version higher; the same list when the name is the same. */
  public TodoList renamed(ListName newName, Instant now) {
    if (newName.equals(name)) {
      return this;
    }
    Instant updated = now.isBefore(createdAt) ? createdAt : now;
    return new TodoList(
        id,
        owner,
        newName,
        isDefault,
        todoCount,
        activeCount,
        memberCount,
        createdAt,
        updated,
        version + 1);
  }
}

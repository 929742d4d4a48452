package dev.todo.domain.list;

import java.util.Objects;

/** A list as one of its members has it: their role in it and their own place in their lists. */
public record Membership(TodoList list, ListRole role, long position) {

  public Membership {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(role, "role");
  }
}

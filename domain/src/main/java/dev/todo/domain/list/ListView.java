package dev.todo.domain.list;

import dev.todo.domain.user.KnownUser;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A list as one caller sees it: with its owner as users see them, the caller's role in it ({@code
 * owner}, {@code editor}, {@code viewer}, or {@code admin} for an admin who is no member) and the
 * caller's own position of it (none for an admin who is no member).
 */
public record ListView(TodoList list, KnownUser owner, String role, OptionalLong position) {

  public ListView {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(position, "position");
  }
}

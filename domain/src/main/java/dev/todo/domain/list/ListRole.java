package dev.todo.domain.list;

import dev.todo.domain.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a member may do with a list, from least to most. */
public enum ListRole {
  VIEWER,
  EDITOR,
  OWNER;

  /** Whether this role allows everything {@code needed} allows. */
  public boolean allows(ListRole needed) {
    return compareTo(needed) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ListRole> fromWireName(String name) {
    return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
  }

  /**
   * A role that can be given to a member or an invite: {@code editor} or {@code viewer}; {@code
   * owner}, {@code admin} and anything else are a validation error on {@code field}.
   */
  public static ListRole grantable(String field, String name) {
    return fromWireName(name)
        .filter(role -> role != OWNER)
        .orElseThrow(() -> ValidationException.of(field, "must be editor or viewer"));
  }
}

package dev.todo.domain.list;

import dev.todo.domain.error.ValidationException;
import dev.todo.domain.todo.Text;

/** A list's name: trimmed, 1 to 100 code points, no control characters (a title's rules). */
public record ListName(String value) {

  public static final int MAX_LENGTH = 100;
  static final String FIELD = "name";

  /** The name of every user's default list. */
  public static final ListName DEFAULT = new ListName("Inbox");

  public ListName {
    if (value == null || value.isEmpty()) {
      throw ValidationException.of(FIELD, "must not be blank");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException("A name is stored trimmed; use ListName.of");
    }
    if (Text.length(value) > MAX_LENGTH) {
      throw ValidationException.of(FIELD, "must be at most " + MAX_LENGTH + " characters");
    }
    if (Text.hasControlCharacter(value, "")) {
      throw ValidationException.of(FIELD, "must not contain control characters");
    }
  }

  /** Trims first, then checks length and characters. */
  public static ListName of(String raw) {
    return new ListName(raw == null ? null : raw.strip());
  }
}

package dev.todo.domain.todo;

import dev.todo.domain.error.ValidationException;

/** A to-do's title: trimmed, 1 to 500 code points, no control characters (TAB and LF included). */
public record Title(String value) {

  public static final int MAX_LENGTH = 500;
  static final String FIELD = "title";

  public Title {
    if (value == null || value.isEmpty()) {
      throw ValidationException.of(FIELD, "must not be blank");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException("A title is stored trimmed; use Title.of");
    }
    if (Text.length(value) > MAX_LENGTH) {
      throw ValidationException.of(FIELD, "must be at most " + MAX_LENGTH + " characters");
    }
    if (Text.hasControlCharacter(value, "")) {
      throw ValidationException.of(FIELD, "must not contain control characters");
    }
  }

  /** Trims first, then checks length and characters. */
  public static Title of(String raw) {
    return new Title(raw == null ? null : raw.strip());
  }

  /** The key by which titles sort case-insensitively. */
  public String sortKey() {
    return Text.caseFolded(value);
  }
}

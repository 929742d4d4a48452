package dev.todo.domain.todo;

import dev.todo.domain.error.ValidationException;
import java.util.Optional;

/**
 * Free text of a to-do: trimmed, at most 10,000 code points; line feeds, carriage returns and tabs
 * are the only control characters allowed. Blank notes are no notes.
 */
public record Notes(String value) {

  public static final int MAX_LENGTH = 10_000;
  static final String FIELD = "notes";

  /** The only control characters notes may hold; titles hold none. */
  static final String ALLOWED_CONTROL_CHARACTERS = "\n\r\t";

  public Notes {
    if (value == null || value.isEmpty() || !value.equals(value.strip())) {
      throw new IllegalArgumentException("Notes are stored trimmed and non-empty; use Notes.of");
    }
    if (Text.length(value) > MAX_LENGTH) {
      throw ValidationException.of(FIELD, "must be at most " + MAX_LENGTH + " characters");
    }
    if (Text.hasControlCharacter(value, ALLOWED_CONTROL_CHARACTERS)) {
      throw ValidationException.of(
          FIELD, "must not contain control characters other than line breaks and tabs");
    }
  }

  /** What a search compares with its text, case ignored. */
  public String searchKey() {
    return Text.caseFolded(value);
  }

  public static Optional<Notes> of(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Notes(raw.strip()));
  }
}

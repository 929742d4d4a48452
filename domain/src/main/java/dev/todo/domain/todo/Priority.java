package dev.todo.domain.todo;

import dev.todo.domain.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent a to-do is; sorts by rank, {@code NONE} lowest. */
public enum Priority {
  NONE,
  LOW,
  MEDIUM,
  HIGH;

  static final String FIELD = "priority";

  public int rank() {
    return ordinal();
  }

  public static Priority ofRank(int rank) {
    return values()[rank];
  }

  /** The name used on the wire: {@code none}, {@code low}, {@code medium}, {@code high}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Priority> fromWireName(String name) {
    return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
  }

  static Priority parse(String name) {
    return fromWireName(name)
        .orElseThrow(() -> ValidationException.of(FIELD, "must be one of none, low, medium, high"));
  }
}

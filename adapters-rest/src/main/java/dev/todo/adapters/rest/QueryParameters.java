package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoSort;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The list, stats and bulk query parameters, read from their raw text so that a bad value of a
 * known parameter is 400 {@code MALFORMED_REQUEST} naming the parameter (unknown parameters are
 * ignored). Values are exact and lower case, as the contract writes them.
 */
final class QueryParameters {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern POSITIVE = Pattern.compile("[0-9]{1,9}");

  private QueryParameters() {}

  static StatusFilter status(String raw, StatusFilter absent) {
    return raw == null ? absent : wireEnum("status", raw, StatusFilter.class);
  }

  static Optional<Priority> priority(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    return Optional.of(
        Priority.fromWireName(raw).orElseThrow(() -> bad("priority", wireNames(Priority.class))));
  }

  static TodoSort sort(String raw) {
    return raw == null ? TodoSort.POSITION : wireEnum("sort", raw, TodoSort.class);
  }

  static SortDirection order(String raw) {
    return raw == null ? SortDirection.ASC : wireEnum("order", raw, SortDirection.class);
  }

  static Optional<LocalDate> date(String name, String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    if (DATE.matcher(raw).matches()) {
      try {
        return Optional.of(LocalDate.parse(raw));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new MalformedInputException(name + " must be a date (YYYY-MM-DD)");
  }

  static int positive(String name, String raw, int absent) {
    if (raw == null) {
      return absent;
    }
    if (!POSITIVE.matcher(raw).matches()) {
      throw new MalformedInputException(name + " must be a positive integer");
    }
    return Integer.parseInt(raw);
  }

  static Optional<String> text(String raw) {
    return Optional.ofNullable(raw).filter(text -> !text.isEmpty());
  }

  static Optional<String> owner(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    if (raw.isBlank()) {
      throw new MalformedInputException("owner must be a user id");
    }
    return Optional.of(raw);
  }

  private static <E extends Enum<E>> E wireEnum(String name, String raw, Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> wire(constant).equals(raw))
        .findFirst()
        .orElseThrow(() -> bad(name, wireNames(type)));
  }

  private static String wire(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> String wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(QueryParameters::wire)
        .collect(Collectors.joining(", "));
  }

  private static MalformedInputException bad(String name, String allowed) {
    return new MalformedInputException(name + " must be one of " + allowed);
  }
}

package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.todo.DueView;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoSort;
import io.micronaut.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The list, stats and bulk query parameters, read from the request's raw query so that a bad value
 * of a known parameter is 400 {@code MALFORMED_REQUEST} naming the parameter (unknown parameters
 * are ignored). Values are exact and lower case, as the contract writes them.
 *
 * <p>The query is split on {@code &} only (a {@code ;} is part of the value: {@code q=a;b} searches
 * for {@code a;b}); {@code +} is a space and {@code %XX} a byte, and the bytes must be UTF-8. Of a
 * parameter given more than once, the first wins and the others are ignored. A value that is not
 * valid percent-encoded UTF-8 is malformed; a name that is not cannot be a known parameter.
 * Micronaut's own binding would join repeated values with commas and split on {@code ;}.
 */
final class QueryParameters {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern POSITIVE = Pattern.compile("[0-9]{1,9}");

  /** The first value of each parameter; empty when that value could not be decoded. */
  private final Map<String, Optional<String>> first;

  private QueryParameters(Map<String, Optional<String>> first) {
    this.first = first;
  }

  static QueryParameters of(HttpRequest<?> request) {
    return parse(request.getUri().getRawQuery());
  }

  static QueryParameters parse(String rawQuery) {
    var first = new HashMap<String, Optional<String>>();
    if (rawQuery != null) {
      for (var pair : rawQuery.split("&")) {
        var equals = pair.indexOf('=');
        var name = decode(equals < 0 ? pair : pair.substring(0, equals));
        var value = equals < 0 ? Optional.of("") : decode(pair.substring(equals + 1));
        name.ifPresent(known -> first.putIfAbsent(known, value));
      }
    }
    return new QueryParameters(first);
  }

  /**
   * {@code application/x-www-form-urlencoded} decoding, strictly. Characters other than escapes
   * stand for themselves: Netty hands over the request line's bytes as ISO-8859-1 characters, so a
   * raw UTF-8 byte arrives as one character below U+0100.
   */
  private static Optional<String> decode(String component) {
    var bytes = new ByteArrayOutputStream(component.length());
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '%') {
        if (i + 2 >= component.length()
            || !HexFormat.isHexDigit(component.charAt(i + 1))
            || !HexFormat.isHexDigit(component.charAt(i + 2))) {
          return Optional.empty();
        }
        bytes.write(HexFormat.fromHexDigits(component, i + 1, i + 3));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c < 0x100) {
        bytes.write(c);
      } else {
        return Optional.empty();
      }
    }
    return StrictUtf8.decode(bytes.toByteArray()).map(CharSequence::toString);
  }

  /** The first value of {@code name} as sent, or null when absent. */
  private String raw(String name) {
    var value = first.get(name);
    if (value == null) {
      return null;
    }
    return value.orElseThrow(
        () -> new MalformedInputException(name + " is not valid percent-encoded UTF-8"));
  }

  StatusFilter status(StatusFilter absent) {
    var raw = raw("status");
    return raw == null ? absent : wireEnum("status", raw, StatusFilter.class);
  }

  /** {@code status} where it is required. */
  StatusFilter requiredStatus(String allowed) {
    if (raw("status") == null) {
      throw new MalformedInputException("status is required: " + allowed);
    }
    return status(StatusFilter.ALL);
  }

  Optional<Priority> priority() {
    var raw = raw("priority");
    if (raw == null) {
      return Optional.empty();
    }
    return Optional.of(
        Priority.fromWireName(raw).orElseThrow(() -> bad("priority", wireNames(Priority.class))));
  }

  TodoSort sort() {
    var raw = raw("sort");
    return raw == null ? TodoSort.POSITION : wireEnum("sort", raw, TodoSort.class);
  }

  SortDirection order() {
    var raw = raw("order");
    return raw == null ? SortDirection.ASC : wireEnum("order", raw, SortDirection.class);
  }

  Optional<LocalDate> date(String name) {
    var raw = raw(name);
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

  int positive(String name, int absent) {
    var raw = raw(name);
    if (raw == null) {
      return absent;
    }
    if (!POSITIVE.matcher(raw).matches()) {
      throw new MalformedInputException(name + " must be a positive integer");
    }
    return Integer.parseInt(raw);
  }

  /** The first value of {@code name} as sent, empty included. */
  Optional<String> value(String name) {
    return Optional.ofNullable(raw(name));
  }

  /** Text where an empty value means none. */
  Optional<String> text(String name) {
    return value(name).filter(text -> !text.isEmpty());
  }

  Optional<String> owner() {
    var raw = raw("owner");
    if (raw == null) {
      return Optional.empty();
    }
    if (raw.isBlank()) {
      throw new MalformedInputException("owner must be a user id");
    }
    return Optional.of(raw);
  }

  /** The list a query names, as sent: a list that is not readable (or no list id) is not found. */
  Optional<String> listId() {
    return value("list_id");
  }

  /** The due-date view, if any. */
  Optional<DueView> due() {
    return value("due").map(raw -> wireEnum("due", raw, DueView.class));
  }

  /** The caller's time zone, an IANA id; UTC when not given. */
  ZoneId zone() {
    var raw = raw("tz");
    if (raw == null) {
      return ZoneOffset.UTC;
    }
    if (!ZoneId.getAvailableZoneIds().contains(raw)) {
      throw new MalformedInputException("tz must be an IANA time-zone id, such as Europe/Berlin");
    }
    return ZoneId.of(raw);
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

package dev.todo.domain.audit;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields an event changed, in the order they were named: each maps to {@code [old, new]}, or to
 * {@code ["changed"]} for text that is not copied into the log (notes). Values are JSON scalars:
 * null, a string, a boolean or a number.
 */
public final class Changes {

  /** What a redacted field shows instead of its values. */
  public static final String REDACTED = "changed";

  private static final Changes NONE = new Changes(Map.of());

  private final Map<String, List<Object>> fields;

  private Changes(Map<String, List<Object>> fields) {
    this.fields = fields;
  }

  public static Changes none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A field that went from {@code before} to {@code after}. */
  public static Changes of(String field, Object before, Object after) {
    return builder().change(field, before, after).build();
  }

  /** The changes as read back from the log; each value a list of one or two scalars. */
  public static Changes read(Map<String, List<Object>> stored) {
    var builder = builder();
    stored.forEach((field, values) -> builder.put(field, values));
    return builder.build();
  }

  public Map<String, List<Object>> fields() {
    return fields;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Changes changes && fields.equals(changes.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }

  /** Collects the changed fields; a field whose values are equal is left out. */
  public static final class Builder {

    private final Map<String, List<Object>> fields = new LinkedHashMap<>();

    private Builder() {}

    public Builder change(String field, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        put(field, Arrays.asList(before, after));
      }
      return this;
    }

    /**
     * A field that names what changed (the member whose role changed) as {@code [value, value]}.
     */
    public Builder naming(String field, Object value) {
      put(field, Arrays.asList(value, value));
      return this;
    }

    /** A text field that changed, without its values. */
    public Builder redacted(String field, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        put(field, List.of(REDACTED));
      }
      return this;
    }

    private void put(String field, List<Object> values) {
      Objects.requireNonNull(field, "field");
      if (values.isEmpty() || values.size() > 2) {
        throw new IllegalArgumentException("A change has one or two values: " + field);
      }
      fields.put(field, values.stream().map(Builder::scalar).toList());
    }

    public Changes build() {
      return fields.isEmpty() ? NONE : new Changes(Collections.unmodifiableMap(fields));
    }

    /** The value as stored: whole numbers as {@code Long}, whatever they were read as. */
    private static Object scalar(Object value) {
      if (value instanceof Integer number) {
        return number.longValue();
      }
      if (value == null
          || value instanceof String
          || value instanceof Boolean
          || value instanceof Long) {
        return value;
      }
      throw new IllegalArgumentException("Not a JSON scalar: " + value.getClass().getName());
    }
  }
}

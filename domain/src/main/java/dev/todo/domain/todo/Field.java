package dev.todo.domain.todo;

import java.util.Objects;

/**
 * One field of the caller's input as it arrived: left out, given as {@code null}, or given a value.
 * The difference between the first two is what merge-patch is about.
 */
public sealed interface Field<T> {

  record Absent<T>() implements Field<T> {}

  record Null<T>() implements Field<T> {}

  record Value<T>(T value) implements Field<T> {
    public Value {
      Objects.requireNonNull(value, "value");
    }
  }

  static <T> Field<T> absent() {
    return new Absent<>();
  }

  static <T> Field<T> nullValue() {
    return new Null<>();
  }

  static <T> Field<T> of(T value) {
    return new Value<>(value);
  }
}

package dev.todo.domain.todo;

import java.util.function.Function;

/** A validated change to one field: keep the current value, or set it (possibly to nothing). */
public record Change<T>(boolean present, T value) {

  public static <T> Change<T> keep() {
    return new Change<>(false, null);
  }

  public static <T> Change<T> to(T value) {
    return new Change<>(true, value);
  }

  public T applyTo(T current) {
    return present ? value : current;
  }

  <R> Change<R> map(Function<T, R> mapper) {
    return present ? to(value == null ? null : mapper.apply(value)) : keep();
  }
}

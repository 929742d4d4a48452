package dev.todo.domain.port.in;

/**
 * The caller's input, read only when the use case has checked everything that comes before it
 * (existence, ownership, role, preconditions), so that those answers take precedence over a bad
 * body. Reading throws {@link dev.todo.domain.error.UnsupportedFormatException} or {@link
 * dev.todo.domain.error.MalformedInputException} when the input cannot be read.
 */
@FunctionalInterface
public interface InputSource<T> {

  T read();

  static <T> InputSource<T> of(T value) {
    return () -> value;
  }
}

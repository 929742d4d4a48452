package dev.todo.domain.port.in;

import java.util.function.Supplier;

/**
 * The caller's input, read only when the use case has checked everything that comes before it
 * (existence, ownership, role, preconditions), so that those answers take precedence over a bad
 * body. Reading throws {@link dev.todo.domain.error.UnsupportedFormatException} or {@link
 * dev.todo.domain.error.MalformedInputException} when the input cannot be read.
 *
 * <p>Use cases may read it inside a write transaction, which runs on the one writer thread: a
 * source of a request body is therefore {@link #parsed} on the request's own thread first, so that
 * reading it only returns the value or rethrows the parse failure.
 */
@FunctionalInterface
public interface InputSource<T> {

  T read();

  static <T> InputSource<T> of(T value) {
    return () -> value;
  }

  /** Runs {@code parser} now and keeps its outcome: the value, or the exception it threw. */
  static <T> InputSource<T> parsed(Supplier<? extends T> parser) {
    try {
      return new Parsed<>(parser.get(), null);
    } catch (RuntimeException failure) {
      return new Parsed<>(null, failure);
    }
  }

  /** An input already parsed: reading it does no work. */
  record Parsed<T>(T value, RuntimeException failure) implements InputSource<T> {

    @Override
    public T read() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }
}

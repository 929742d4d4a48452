package dev.todo.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case's work atomically. Writes are serialised: one write at a time, so that concurrent
 * requests queue instead of failing; a write that cannot start in time, or that this instance may
 * no longer commit ({@link WriteFence}), throws {@link
 * dev.todo.domain.error.ServiceUnavailableException} and keeps nothing. Any exception rolls the
 * work back, and only that work. {@code write} returns once the work is durable (committed).
 */
public interface Transactions {

  <T> T write(Supplier<T> work);

  <T> T read(Supplier<T> work);
}

package dev.todo.domain.port.out;

/**
 * Whether this instance may still commit writes: asked by the writer right before every commit, so
 * that an instance which lost the right to write (its {@link WriterLease} ran out while it was
 * paused, or it is shutting down) commits nothing more, even of writes it accepted before. A
 * refused commit rolls the writes back and answers them "unavailable".
 */
public interface WriteFence {

  /** Whether a commit may happen now; fast (no I/O) and never throws. */
  boolean mayCommit();
}

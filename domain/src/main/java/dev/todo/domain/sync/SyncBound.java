package dev.todo.domain.sync;

import java.util.Objects;

/**
 * Where a stream of one list resumes: the rows whose {@code (seq, id)} comes after {@code (seq,
 * id)}, in that order. Ids are never empty and never above {@link #AFTER_EVERY_ID}, so {@link
 * #from} includes the sequence number itself and {@link #after} excludes it.
 */
public record SyncBound(long seq, String id) {

  /** Above every id (UUIDs in their canonical text form). */
  public static final String AFTER_EVERY_ID = "~";

  /** Every row. */
  public static final SyncBound EVERYTHING = new SyncBound(-1, AFTER_EVERY_ID);

  public SyncBound {
    Objects.requireNonNull(id, "id");
  }

  /** The rows at {@code seq} and after. */
  public static SyncBound from(long seq) {
    return new SyncBound(seq, "");
  }

  /** The rows after {@code seq}. */
  public static SyncBound after(long seq) {
    return new SyncBound(seq, AFTER_EVERY_ID);
  }

  /** Whether a row at {@code (rowSeq, rowId)} comes after this bound. */
  public boolean admits(long rowSeq, String rowId) {
    return rowSeq > seq || rowSeq == seq && rowId.compareTo(id) > 0;
  }

  /** Whether no row at or below {@code latest} (the highest a stream holds) comes after it. */
  public boolean excludesAllUpTo(long latest) {
    return latest < seq || latest == seq && AFTER_EVERY_ID.equals(id);
  }

  /** The later of the two bounds. */
  public SyncBound max(SyncBound other) {
    if (seq != other.seq) {
      return seq > other.seq ? this : other;
    }
    return id.compareTo(other.id) >= 0 ? this : other;
  }
}

package dev.todo.domain.sync;

import java.util.Comparator;
import java.util.Objects;

/**
 * The place of one sync entry in the order a client receives changes. {@code seq} is the change
 * that last touched the entry. Everything in a list a user joined at change {@code j} is due at
 * {@code j} at the earliest, so {@code effective} is the later of {@code seq} and {@code j}; ties
 * are broken by {@code seq}, the {@link SyncKind} and the id. Every change after a key gets a
 * larger key, so "the entries after the cursor's key" is exactly what a client has not seen.
 */
public record SyncKey(long effective, long seq, SyncKind kind, String id)
    implements Comparable<SyncKey> {

  private static final Comparator<SyncKey> ORDER =
      Comparator.comparingLong(SyncKey::effective)
          .thenComparingLong(SyncKey::seq)
          .thenComparing(SyncKey::kind)
          .thenComparing(SyncKey::id);

  /** Before every entry: where a full sync starts. */
  public static final SyncKey START = new SyncKey(-1, -1, SyncKind.REMOVED_FROM_LIST, "");

  public SyncKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  /**
   * The key of an entry last changed at {@code seq} in a list the user joined at {@code joined}.
   */
  public static SyncKey of(long seq, long joined, SyncKind kind, String id) {
    return new SyncKey(Math.max(seq, joined), seq, kind, id);
  }

  /** After every entry up to change {@code latest}: where a sync that saw all of them resumes. */
  public static SyncKey afterAll(long latest) {
    return new SyncKey(latest, latest, SyncKind.STEP, SyncBound.AFTER_EVERY_ID);
  }

  @Override
  public int compareTo(SyncKey other) {
    return ORDER.compare(this, other);
  }

  /**
   * The rows of one stream of {@code kind}, in a list joined at {@code joined} (-1 for a stream
   * without joins), whose keys come after this one: the stream reads them in {@code (seq, id)}
   * order, which is their key order.
   */
  public SyncBound boundFor(SyncKind rowKind, long joined) {
    if (joined > effective) {
      return SyncBound.EVERYTHING;
    }
    if (joined == effective || seq == effective) {
      return tieAt(joined == effective ? seq : effective, rowKind);
    }
    return SyncBound.from(effective);
  }

  /** The rows after this key among those at {@code at}, by kind, then id. */
  private SyncBound tieAt(long at, SyncKind rowKind) {
    int byKind = rowKind.compareTo(kind);
    if (byKind > 0) {
      return SyncBound.from(at);
    }
    return byKind == 0 ? new SyncBound(at, id) : SyncBound.after(at);
  }
}

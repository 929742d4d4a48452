package dev.todo.domain.port.out;

import dev.todo.domain.list.ListId;
import dev.todo.domain.step.Step;
import dev.todo.domain.sync.Removal;
import dev.todo.domain.sync.SyncBound;
import dev.todo.domain.sync.SyncedList;
import dev.todo.domain.sync.Versioned;
import dev.todo.domain.todo.Todo;
import java.time.Instant;
import java.util.List;

/**
 * What changed, by change sequence number. Every write that changes a list, a membership, a to-do
 * or a step (its fields or its counters) gives what it touched the write's number, in the write's
 * transaction; numbers grow in commit order, so a reader never later sees a committed change with a
 * number at or below one it has already seen. What a write removes from a list (a to-do trashed,
 * deleted or moved away; a step deleted) or from a user (a list deleted, left, or the user removed
 * from it) is kept as a {@link Removal} for the retention period. Streams read rows after a {@link
 * SyncBound} in {@code (seq, id)} order, at most {@code limit}. Called inside a read of {@link
 * Transactions}, so that everything one sync reads is one snapshot.
 */
public interface SyncFeed {

  /** The number of the latest committed change (0 before the first). */
  long latest();

  /** Removals up to this number have been forgotten: a cursor before it cannot be served. */
  long forgottenThrough();

  /** The user's lists with their sequence numbers. */
  List<SyncedList> listsOf(String user);

  /** The list's live to-dos (not in the trash) changed after {@code after}. */
  List<Versioned<Todo>> todos(ListId list, SyncBound after, int limit);

  /** The steps of the list's live to-dos changed after {@code after}. */
  List<Versioned<Step>> steps(ListId list, SyncBound after, int limit);

  /** The to-dos and steps removed from the list after {@code after}. */
  List<Removal> removedFrom(ListId list, SyncBound after, int limit);

  /** The lists the user lost after {@code after}. */
  List<Removal> removedFor(String user, SyncBound after, int limit);

  /** Forgets the removals made before {@code cutoff}; returns how many. A write. */
  long forgetRemovalsBefore(Instant cutoff);
}

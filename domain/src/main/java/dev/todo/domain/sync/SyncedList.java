package dev.todo.domain.sync;

import dev.todo.domain.list.Membership;
import dev.todo.domain.user.KnownUser;
import java.util.Objects;

/**
 * One of a user's lists with what a sync needs to know about it: {@code seq}, the last change of
 * the list or of the user's membership (role, position); {@code joined}, the change that made the
 * user a member; {@code contentSeq}, the last change of anything in it (to-dos, steps, removals).
 */
public record SyncedList(
    Membership membership, KnownUser owner, long seq, long joined, long contentSeq) {

  public SyncedList {
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(owner, "owner");
  }
}

package dev.todo.domain.audit;

import dev.todo.domain.list.ListRole;
import java.util.Optional;

/**
 * What a change of a membership records: whom it is about ({@code user_id}: {@code [null, id]} when
 * they join, {@code [id, null]} when they go, {@code [id, id]} when only the role changes) and the
 * role before and after.
 */
public final class MemberChanges {

  private MemberChanges() {}

  /** The field that names the member an event is about. */
  public static final String USER_ID = "user_id";

  public static Changes of(String user, Optional<ListRole> before, Optional<ListRole> after) {
    return builder(user, before, after).build();
  }

  /** The same, to add what else the event names. */
  public static Changes.Builder builder(
      String user, Optional<ListRole> before, Optional<ListRole> after) {
    var changes = Changes.builder();
    if (before.isPresent() && after.isPresent()) {
      changes.naming(USER_ID, user);
    } else {
      changes.change(
          USER_ID, before.map(role -> user).orElse(null), after.map(role -> user).orElse(null));
    }
    return changes.change(
        "role",
        before.map(ListRole::wireName).orElse(null),
        after.map(ListRole::wireName).orElse(null));
  }
}

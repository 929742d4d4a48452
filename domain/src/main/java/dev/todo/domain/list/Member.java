package dev.todo.domain.list;

import dev.todo.domain.user.KnownUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One member of a list as the list shows them: who, with which role, since when. */
public record Member(KnownUser user, ListRole role, Instant addedAt) {

  public Member {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    addedAt = Objects.requireNonNull(addedAt, "addedAt").truncatedTo(ChronoUnit.MILLIS);
  }
}

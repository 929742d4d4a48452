package dev.todo.domain.list;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** An invite link to a list: whoever opens it before it expires may join with its role. */
public record Invite(
    InviteId id, ListId list, ListRole role, Instant createdAt, Instant expiresAt) {

  public Invite {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(role, "role");
    createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
    expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.MILLIS);
    if (role == ListRole.OWNER) {
      throw new IllegalArgumentException("An invite grants editor or viewer");
    }
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("An invite expires after it was made");
    }
  }

  public boolean isActiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}

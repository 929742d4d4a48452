package dev.todo.domain.audit;

import dev.todo.domain.list.ListId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events to read, newest first: all of them or one list's, optionally only one actor's or one
 * action, within {@code [since, until]}, continuing before an event of an earlier page.
 */
public record AuditQuery(
    Optional<ListId> list,
    Optional<String> actor,
    Optional<AuditAction> action,
    Optional<Instant> since,
    Optional<Instant> until,
    Optional<AuditEventId> before,
    int limit) {

  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 50;

  public AuditQuery {
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(before, "before");
    if (limit < 1) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
  }

  /** One list's events, for its activity feed. */
  public static AuditQuery ofList(ListId list, Optional<AuditEventId> before, int limit) {
    return new AuditQuery(
        Optional.of(list),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        before,
        limit);
  }
}

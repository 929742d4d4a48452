package dev.todo.domain.lease;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a lease store holds for the writer lease: who holds it and until when, stored as the UTF-8
 * lines {@code holder=…} and {@code expires_at=…} (an ISO-8601 instant). Whatever the store holds
 * can be read: a part that cannot be read counts as expired, so that the lease is never stuck.
 *
 * @param holder who holds the lease; empty in {@link #HELD_BY_NOBODY} only
 */
public record LeaseRecord(String holder, Instant expiresAt) {

  /** What a record that names no holder counts as (empty, not text, a line missing). */
  public static final LeaseRecord HELD_BY_NOBODY = new LeaseRecord("", Instant.EPOCH);

  private static final String HOLDER = "holder=";
  private static final String EXPIRES_AT = "expires_at=";

  public LeaseRecord {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (holder.contains("\n") || holder.contains("\r")) {
      throw new IllegalArgumentException("A holder is one line of the record: " + holder);
    }
  }

  /** The record of {@code holder} taking or renewing the lease at {@code now} for {@code ttl}. */
  public static LeaseRecord grantedTo(String holder, Instant now, Duration ttl) {
    if (holder.isBlank()) {
      throw new IllegalArgumentException("The lease is granted to somebody");
    }
    return new LeaseRecord(holder, now.plus(ttl));
  }

  /**
   * Reads a stored record; never fails. A missing or malformed {@code expires_at} counts as expired
   * (its holder may still renew it, anyone may take it over); a record naming no holder is {@link
   * #HELD_BY_NOBODY}.
   */
  public static LeaseRecord parse(byte[] stored) {
    String holder = "";
    Instant expiresAt = Instant.EPOCH;
    for (String line : new String(stored, StandardCharsets.UTF_8).lines().toList()) {
      if (line.startsWith(HOLDER)) {
        holder = line.substring(HOLDER.length());
      } else if (line.startsWith(EXPIRES_AT)) {
        expiresAt = instantOrEpoch(line.substring(EXPIRES_AT.length()).strip());
      }
    }
    return holder.isBlank() ? HELD_BY_NOBODY : new LeaseRecord(holder, expiresAt);
  }

  private static Instant instantOrEpoch(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** The record as it is stored. */
  public byte[] format() {
    return (HOLDER + holder + "\n" + EXPIRES_AT + expiresAt + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code who} holds the lease, expired or not: its holder may renew it or release it. */
  public boolean isHeldBy(String who) {
    return !holder.isBlank() && holder.equals(who);
  }

  public boolean hasExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether {@code who} may take the lease at {@code now}: it is theirs, or it has expired. */
  public boolean mayBeTakenBy(String who, Instant now) {
    return isHeldBy(who) || hasExpiredAt(now);
  }

  /**
   * Whether {@code who} may take the lease at {@code now}: it is theirs, it has expired, or its
   * holder is provably gone. Only a store that can prove it says so (a local file: the holder's
   * process no longer holds its OS file lock); "cannot tell" is not gone, and the lease then waits
   * for its expiry.
   *
   * @param provablyGone asked with this record's holder, and only when the lease is neither ours
   *     nor expired
   */
  public boolean mayBeTakenBy(String who, Instant now, Predicate<String> provablyGone) {
    return mayBeTakenBy(who, now) || provablyGone.test(holder);
  }
}

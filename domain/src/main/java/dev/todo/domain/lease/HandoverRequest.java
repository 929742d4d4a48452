package dev.todo.domain.lease;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A waiting holder's request to be handed the writer lease, stored next to the {@link LeaseRecord}
 * as the UTF-8 lines {@code holder=…} and {@code requested_at=…} (an ISO-8601 instant). A waiting
 * holder writes it again at every retry, so a request that is not renewed is a waiter that gave up
 * or died, and it expires.
 *
 * @param requestedAt when it was last written; {@link Instant#EPOCH} for a request without a time
 *     stamp (written by a version before requests expired), which counts as expired
 */
public record HandoverRequest(String requester, Instant requestedAt) {

  private static final String HOLDER = "holder=";
  private static final String REQUESTED_AT = "requested_at=";

  public HandoverRequest {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (requester.isBlank() || requester.contains("\n") || requester.contains("\r")) {
      throw new IllegalArgumentException("A requester is one non-blank line: " + requester);
    }
  }

  /**
   * Reads a stored request: the requester from its first line (with or without {@code holder=}),
   * the time from a {@code requested_at=} line (missing or malformed: {@link Instant#EPOCH}); empty
   * if the first line is blank.
   */
  public static Optional<HandoverRequest> parse(byte[] stored) {
    var lines = new String(stored, StandardCharsets.UTF_8).strip().lines().toList();
    String first = lines.isEmpty() ? "" : lines.getFirst();
    String requester = first.startsWith(HOLDER) ? first.substring(HOLDER.length()) : first;
    if (requester.isBlank()) {
      return Optional.empty();
    }
    Instant requestedAt =
        lines.stream()
            .filter(line -> line.startsWith(REQUESTED_AT))
            .findFirst()
            .map(line -> instantOrEpoch(line.substring(REQUESTED_AT.length()).strip()))
            .orElse(Instant.EPOCH);
    return Optional.of(new HandoverRequest(requester.strip(), requestedAt));
  }

  private static Instant instantOrEpoch(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  /** Whether the request still stands at {@code now}: written less than {@code maxAge} ago. */
  public boolean standsAt(Instant now, Duration maxAge) {
    return now.isBefore(requestedAt.plus(maxAge));
  }

  /** The request as it is stored; versions that read only the first line still see the holder. */
  public byte[] format() {
    return (HOLDER + requester + "\n" + REQUESTED_AT + requestedAt + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}

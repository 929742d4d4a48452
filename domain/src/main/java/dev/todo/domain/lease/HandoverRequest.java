package dev.todo.domain.lease;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A waiting holder's request to be handed the writer lease, stored next to the {@link LeaseRecord}
 * as the UTF-8 line {@code holder=…}.
 */
public record HandoverRequest(String requester) {

  private static final String HOLDER = "holder=";

  public HandoverRequest {
    Objects.requireNonNull(requester, "requester");
    if (requester.isBlank() || requester.contains("\n") || requester.contains("\r")) {
      throw new IllegalArgumentException("A requester is one non-blank line: " + requester);
    }
  }

  /** Reads a stored request (its first line, with or without {@code holder=}); empty if blank. */
  public static Optional<HandoverRequest> parse(byte[] stored) {
    String line = new String(stored, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
    String requester = line.startsWith(HOLDER) ? line.substring(HOLDER.length()) : line;
    return requester.isBlank() ? Optional.empty() : Optional.of(new HandoverRequest(requester));
  }

  /** The request as it is stored. */
  public byte[] format() {
    return (HOLDER + requester + "\n").getBytes(StandardCharsets.UTF_8);
  }
}

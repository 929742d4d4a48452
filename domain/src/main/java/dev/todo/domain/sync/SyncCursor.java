package dev.todo.domain.sync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a client's copy stands: every entry up to {@code after} has been sent. Removals are sent
 * only after {@code removalsAfter} (what changed before a full sync began is not the client's
 * concern); {@code issuedAt} says when the cursor was handed out. Opaque to clients: {@link
 * #encode} and {@link #decode} are each other's inverse, and anything else decodes to nothing.
 */
public record SyncCursor(SyncKey after, long removalsAfter, Instant issuedAt) {

  private static final String VERSION = "s1";
  private static final Pattern FORMAT =
      Pattern.compile(
          VERSION
              + "\\.(-?\\d{1,18})\\.(-?\\d{1,18})\\.([0-4])\\.([0-9a-f-]{0,36}|~)\\.(-?\\d{1,18})"
              + "\\.(\\d{1,18})");
  private static final SyncKind[] KINDS = SyncKind.values();

  public SyncCursor {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  public String encode() {
    String text =
        String.join(
            ".",
            VERSION,
            Long.toString(after.effective()),
            Long.toString(after.seq()),
            Integer.toString(after.kind().ordinal()),
            after.id(),
            Long.toString(removalsAfter),
            Long.toString(issuedAt.toEpochMilli()));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back, or nothing when it is not one of ours. */
  public static Optional<SyncCursor> decode(String encoded) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    var match = FORMAT.matcher(text);
    if (!match.matches()) {
      return Optional.empty();
    }
    var key =
        new SyncKey(
            Long.parseLong(match.group(1)),
            Long.parseLong(match.group(2)),
            KINDS[Integer.parseInt(match.group(3))],
            match.group(4));
    return Optional.of(
        new SyncCursor(
            key,
            Long.parseLong(match.group(5)),
            Instant.ofEpochMilli(Long.parseLong(match.group(6)))));
  }

  /** Where removals resume: after the later of the key and {@link #removalsAfter}. */
  public SyncBound removalsBound(SyncKind kind) {
    return after.boundFor(kind, -1).max(SyncBound.after(removalsAfter));
  }
}

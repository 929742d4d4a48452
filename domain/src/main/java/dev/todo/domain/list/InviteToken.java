package dev.todo.domain.list;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret of an invite link: 256 random bits, written URL-safe. Only its {@link #hash()} is
 * stored; the token itself is shown once, to the owner who made the invite, and never logged.
 */
public record InviteToken(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  public InviteToken {
    Objects.requireNonNull(value, "value");
  }

  public static InviteToken random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new InviteToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The SHA-256 of the token, in hex: what the store keeps and looks tokens up by. */
  public String hash() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  /** Masked, so that a token never reaches a log through a record's or an exception's text. */
  @Override
  public String toString() {
    return "InviteToken[***]";
  }
}

package dev.todo.domain.user;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as other users see them: known to the service since their first authenticated request,
 * with the e-mail and name their latest token carried.
 */
public record KnownUser(String id, Optional<String> name, Optional<String> email) {

  public KnownUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  /** How e-mails are compared: case-insensitively, whole. */
  public static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}

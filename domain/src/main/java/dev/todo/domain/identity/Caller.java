package dev.todo.domain.identity;

import dev.todo.domain.error.ForbiddenException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user behind a request, as the gateway vouched for them. {@code subject} is the
 * stable user id; e-mail and name are informational. Roles decide what they may do: none is full
 * access to their own data, {@value #READONLY} may only read, {@value #ADMIN} may read and change
 * anyone's to-dos.
 */
public record Caller(
    String subject, Optional<String> email, Optional<String> name, Set<String> roles) {

  public static final String READONLY = "readonly";
  public static final String ADMIN = "admin";

  public Caller {
    Objects.requireNonNull(subject, "subject");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("A caller needs a non-blank subject");
    }
    email = Objects.requireNonNull(email, "email");
    name = Objects.requireNonNull(name, "name");
    roles = Set.copyOf(roles);
  }

  public static Caller of(String subject, String... roles) {
    return new Caller(subject, Optional.empty(), Optional.empty(), Set.of(roles));
  }

  public boolean isAdmin() {
    return roles.contains(ADMIN);
  }

  public boolean isReadOnly() {
    return roles.contains(READONLY);
  }

  /** Whether the caller may see (and, role permitting, change) data owned by {@code owner}. */
  public boolean canAccess(String owner) {
    return subject.equals(owner) || isAdmin();
  }

  /** Refuses every write of a read-only caller, whatever else they hold. */
  public void requireWriteAccess() {
    if (isReadOnly()) {
      throw new ForbiddenException("This account has read-only access");
    }
  }

  /** The owner whose list the caller reads: their own unless an admin names another. */
  public String ownerToRead(Optional<String> requestedOwner) {
    String owner = requestedOwner.orElse(subject);
    if (!canAccess(owner)) {
      throw new ForbiddenException("Only an admin may read another user's to-dos");
    }
    return owner;
  }
}

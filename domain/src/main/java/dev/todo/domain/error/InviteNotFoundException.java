package dev.todo.domain.error;

/** The invite does not exist, has expired or was revoked. */
public final class InviteNotFoundException extends DomainException {

  public InviteNotFoundException() {
    super("Invite not found");
  }
}

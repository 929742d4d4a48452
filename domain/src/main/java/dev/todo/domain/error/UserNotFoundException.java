package dev.todo.domain.error;

/** No known user has that id or e-mail, or the user is not a member of the list. */
public final class UserNotFoundException extends DomainException {

  public UserNotFoundException() {
    super("User not found");
  }
}

package dev.todo.domain.error;

/**
 * The request contradicts the state of what it names (the default list cannot be deleted or shared,
 * the owner cannot leave their own list or change their own membership).
 */
public final class ConflictException extends DomainException {

  public ConflictException(String message) {
    super(message);
  }
}

package dev.todo.domain.error;

/** The caller is known but their role does not allow the operation. */
public final class ForbiddenException extends DomainException {

  public ForbiddenException(String message) {
    super(message);
  }
}

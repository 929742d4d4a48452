package dev.todo.domain.error;

/** Something other than a to-do does not exist; non-final so that specific kinds can say which. */
public non-sealed class NotFoundException extends DomainException {

  public NotFoundException(String message) {
    super(message);
  }
}

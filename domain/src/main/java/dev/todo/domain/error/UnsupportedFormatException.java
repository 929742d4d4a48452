package dev.todo.domain.error;

/** Input in a format the operation does not read. */
public final class UnsupportedFormatException extends DomainException {

  public UnsupportedFormatException(String message) {
    super(message);
  }
}

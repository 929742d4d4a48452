package dev.todo.domain.error;

/**
 * Input that cannot be read at all: unparsable, of the wrong type, or an unknown parameter value.
 */
public final class MalformedInputException extends DomainException {

  public MalformedInputException(String message) {
    super(message);
  }
}

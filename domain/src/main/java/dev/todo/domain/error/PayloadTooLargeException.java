package dev.todo.domain.error;

/** The caller sent more bytes than the operation accepts; nothing was kept. */
public final class PayloadTooLargeException extends DomainException {

  public PayloadTooLargeException(long limit) {
    super("The file is larger than " + limit + " bytes");
  }
}

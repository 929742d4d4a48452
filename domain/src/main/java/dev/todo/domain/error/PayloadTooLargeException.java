package dev.todo.domain.error;

/** The caller sent more bytes than the operation accepts; nothing was kept. */
public final class PayloadTooLargeException extends DomainException {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("The file is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}

package dev.todo.domain.error;

/** The sync cursor is too old, or not one the service handed out: the client starts again. */
public final class SyncCursorExpiredException extends DomainException {

  public SyncCursorExpiredException() {
    super("The sync cursor has expired; sync again without a cursor");
  }
}

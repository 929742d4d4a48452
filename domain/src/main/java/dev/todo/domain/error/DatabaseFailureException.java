package dev.todo.domain.error;

/**
 * The database failed an operation for a reason other than being busy (a broken constraint, a full
 * disk, a damaged file); nothing of the unit of work was kept. Not the caller's fault, and not
 * something a retry is known to cure.
 */
public class DatabaseFailureException extends RuntimeException {

  public DatabaseFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}

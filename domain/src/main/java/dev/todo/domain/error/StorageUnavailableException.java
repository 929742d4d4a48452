package dev.todo.domain.error;

/** The object store did not answer or refused the operation; the request may succeed later. */
public class StorageUnavailableException extends RuntimeException {

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageUnavailableException(String message) {
    super(message);
  }
}

package dev.todo.domain.error;

import java.time.Duration;

/** A dependency (database, object store) did not answer in time; the caller may retry later. */
public final class ServiceUnavailableException extends DomainException {

  private final Duration retryAfter;

  public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}

package dev.todo.domain.port.out;

import java.util.Optional;

/**
 * The id of the request being served on the calling thread, for the audit events it writes; empty
 * outside a request (the service's own routines).
 */
public interface RequestCorrelation {

  Optional<String> currentRequestId();

  /** Outside any request. */
  RequestCorrelation NONE = Optional::empty;
}

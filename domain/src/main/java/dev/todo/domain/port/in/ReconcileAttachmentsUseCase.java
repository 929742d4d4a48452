package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Removes objects that no metadata points to: what a crash between "object written" and "row
 * inserted" (or between "row deleted" and "object deleted") leaves behind. Objects younger than the
 * grace period are kept: they may belong to an upload still under way.
 */
public interface ReconcileAttachmentsUseCase {

  /** An admin's request (anyone else gets 403); without a grace period, the configured one. */
  Report reconcile(Caller caller, Optional<Duration> grace);

  /** The service's own run, at startup. */
  Report reconcileAtStartup();

  record Report(long examined, List<String> removed) {
    public Report {
      removed = List.copyOf(removed);
    }
  }
}

package dev.todo.bootstrap;

import dev.todo.domain.port.in.ReconcileAttachmentsUseCase;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the attachments' reconcile routine in the background once the service has started. */
@Singleton
final class ReconcileAtStartup {

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileAtStartup.class);

  private final ReconcileAttachmentsUseCase reconcile;
  private final boolean enabled;

  ReconcileAtStartup(ReconcileAttachmentsUseCase reconcile, AttachmentConfiguration attachments) {
    this.reconcile = reconcile;
    this.enabled = attachments.reconcileAtStartup();
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (!enabled) {
      return;
    }
    Thread.ofVirtual()
        .name("reconcile-attachments")
        .start(
            () -> {
              try {
                var report = reconcile.reconcileAtStartup();
                LOG.info(
                    "Reconciled attachments: {} objects examined, {} without metadata removed",
                    report.examined(),
                    report.removed().size());
              } catch (RuntimeException e) {
                LOG.warn("Could not reconcile attachments at startup: {}", e.getMessage());
              }
            });
  }
}

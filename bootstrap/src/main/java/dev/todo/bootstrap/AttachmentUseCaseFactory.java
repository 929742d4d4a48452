package dev.todo.bootstrap;

import dev.todo.application.AttachmentService;
import dev.todo.application.AttachmentService.AttachmentLimits;
import dev.todo.application.ReconcileAttachmentsService;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.in.ReconcileAttachmentsUseCase;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The attachment use cases, their limits, and the reconcile run at startup. */
@Factory
class AttachmentUseCaseFactory {

  private static final Logger LOG = LoggerFactory.getLogger(AttachmentUseCaseFactory.class);

  @Singleton
  AttachmentLimits attachmentLimits(
      @Value("${todo.attachments.max-bytes:10485760}") long maxBytes,
      @Value("${todo.attachments.max-per-todo:20}") int maxPerTodo) {
    return new AttachmentLimits(maxBytes, maxPerTodo);
  }

  @Singleton
  @Bean(typed = {AttachmentsUseCase.class, AttachmentService.class})
  AttachmentService attachments(
      TodoRepository todos,
      AttachmentRepository attachments,
      BlobStorage blobs,
      Transactions transactions,
      Clock clock,
      AttachmentLimits limits) {
    return new AttachmentService(todos, attachments, blobs, transactions, clock, limits);
  }

  @Singleton
  ReconcileAttachmentsUseCase reconcileAttachments(
      AttachmentRepository attachments,
      BlobStorage blobs,
      Transactions transactions,
      Clock clock,
      @Value("${todo.attachments.reconcile-grace-seconds:3600}") long graceSeconds) {
    return new ReconcileAttachmentsService(
        attachments, blobs, transactions, clock, Duration.ofSeconds(graceSeconds));
  }

  /** Runs the reconcile routine in the background once the service has started. */
  @Singleton
  static final class ReconcileAtStartup {

    private final ReconcileAttachmentsUseCase reconcile;
    private final boolean enabled;

    ReconcileAtStartup(
        ReconcileAttachmentsUseCase reconcile,
        @Value("${todo.attachments.reconcile-at-startup:true}") boolean enabled) {
      this.reconcile = reconcile;
      this.enabled = enabled;
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
}

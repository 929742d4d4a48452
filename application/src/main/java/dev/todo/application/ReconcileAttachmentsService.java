package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.ReconcileAttachmentsUseCase;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.BlobStorage.StoredObject;
import dev.todo.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the objects under {@code todos/} that no attachment row names, and deletes those older than
 * the grace period (younger ones may be uploads whose row is about to be written). Names that are
 * not an attachment's are left alone.
 */
public final class ReconcileAttachmentsService implements ReconcileAttachmentsUseCase {

  private static final System.Logger LOG =
      System.getLogger(ReconcileAttachmentsService.class.getName());

  private final AttachmentRepository attachments;
  private final BlobStorage blobs;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration startupGrace;

  public ReconcileAttachmentsService(
      AttachmentRepository attachments,
      BlobStorage blobs,
      Transactions transactions,
      Clock clock,
      Duration startupGrace) {
    this.attachments = attachments;
    this.blobs = blobs;
    this.transactions = transactions;
    this.clock = clock;
    this.startupGrace = startupGrace;
  }

  @Override
  public Report reconcile(Caller caller, Optional<Duration> grace) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("Only an admin may reconcile the file store");
    }
    if (grace.isPresent() && grace.get().isNegative()) {
      throw ValidationException.of("grace_seconds", "must not be negative");
    }
    return run(grace.orElse(startupGrace));
  }

  @Override
  public Report reconcileAtStartup() {
    return run(startupGrace);
  }

  private Report run(Duration grace) {
    var cutoff = clock.instant().minus(grace);
    List<StoredObject> objects = blobs.list(Attachment.objectPrefix());
    List<String> orphans =
        transactions.read(
            () ->
                objects.stream()
                    .filter(o -> !o.createdAt().isAfter(cutoff))
                    .map(StoredObject::name)
                    .filter(this::isOrphan)
                    .toList());
    var removed = new ArrayList<String>();
    for (String name : orphans) {
      if (blobs.delete(name)) {
        removed.add(name);
      }
    }
    if (!removed.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "Removed " + removed.size() + " objects without metadata");
    }
    return new Report(objects.size(), removed);
  }

  private boolean isOrphan(String name) {
    return Attachment.idOfObject(name)
        .map(
            id ->
                attachments.findById(id).map(Attachment::objectName).filter(name::equals).isEmpty())
        .orElse(false);
  }
}

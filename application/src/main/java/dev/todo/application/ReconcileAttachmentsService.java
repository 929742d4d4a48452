package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
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
 * the grace period. Names that are not an attachment's are left alone, and so are this process's
 * uploads under way ({@link UploadsInFlight}), whatever the grace. Then the store removes what its
 * failed writes left besides objects ({@link BlobStorage#removeAbandonedWrites}, same grace).
 *
 * <p>Why that is race-free: an upload registers its name before writing its object and removes it
 * only after its row is committed (or after it failed). The routine lists the objects first, then
 * drops the names under way, then reads the rows in a transaction that starts after that check. A
 * listed object was registered before the listing; if it is no longer under way at the check, its
 * row was committed before the read began (so the read sees it) or its upload failed and will never
 * commit one. Names are fresh ids, so no later upload can write a row for a name found orphaned.
 * Only a process holding the writer lease commits rows, so uploads in another instance cannot be
 * acknowledged behind this one's back.
 */
public final class ReconcileAttachmentsService implements ReconcileAttachmentsUseCase {

  private static final System.Logger LOG =
      System.getLogger(ReconcileAttachmentsService.class.getName());

  private final AttachmentRepository attachments;
  private final BlobStorage blobs;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration startupGrace;
  private final UploadsInFlight uploads;
  private final Activity activity;

  ReconcileAttachmentsService(
      AttachmentRepository attachments,
      BlobStorage blobs,
      Transactions transactions,
      Clock clock,
      Duration startupGrace,
      UploadsInFlight uploads,
      Activity activity) {
    this.attachments = attachments;
    this.blobs = blobs;
    this.transactions = transactions;
    this.clock = clock;
    this.startupGrace = startupGrace;
    this.uploads = uploads;
    this.activity = activity;
  }

  @Override
  public Report reconcile(Caller caller, Optional<Duration> grace) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("Only an admin may reconcile the file store");
    }
    if (grace.isPresent() && grace.get().isNegative()) {
      throw ValidationException.of("grace_seconds", "must not be negative");
    }
    var events = activity.by(caller);
    var report = run(grace.orElse(startupGrace));
    transactions.write(
        () -> {
          events.about(
              AuditAction.ADMIN_RECONCILE, Optional.empty(), Optional.empty(), Changes.none());
          return null;
        });
    return report;
  }

  @Override
  public Report reconcileAtStartup() {
    return run(startupGrace);
  }

  private Report run(Duration grace) {
    var cutoff = clock.instant().minus(grace);
    List<StoredObject> objects = blobs.list(Attachment.objectPrefix());
    List<String> settled =
        objects.stream()
            .filter(o -> !o.createdAt().isAfter(cutoff))
            .map(StoredObject::name)
            .filter(name -> !uploads.contains(name))
            .toList();
    List<String> orphans =
        settled.isEmpty()
            ? List.of()
            : transactions.read(() -> settled.stream().filter(this::isOrphan).toList());
    var removed = new ArrayList<String>();
    for (String name : orphans) {
      if (blobs.delete(name)) {
        removed.add(name);
      }
    }
    if (!removed.isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "Removed " + removed.size() + " objects without metadata");
    }
    int abandoned = blobs.removeAbandonedWrites(grace);
    if (abandoned > 0) {
      LOG.log(System.Logger.Level.INFO, "Removed " + abandoned + " leftovers of failed writes");
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

package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.error.ConflictException;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListAccess;
import dev.todo.domain.port.in.TrashUseCase;
import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.TrashRepository;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TrashPage;
import dev.todo.domain.todo.TrashedTodo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trash: restoring, deleting for good (rows in the transaction, attachment objects after the
 * commit), emptying, and the purge of what has been in the trash longer than its retention (with
 * the audit events older than theirs). Each to-do changed writes its event in the same transaction.
 * The purge works in batches, one transaction each, so that it never holds the writer for long; a
 * purge cut short leaves the rest to the next run.
 */
public final class TrashService implements TrashUseCase {

  private static final System.Logger LOG = System.getLogger(TrashService.class.getName());

  private final TodoRepository todos;
  private final TrashRepository trash;
  private final ListRepository lists;
  private final Transactions transactions;
  private final Clock clock;
  private final Activity activity;
  private final AttachmentCleanup cleanup;
  private final AuditLog log;
  private final SyncFeed sync;
  private final Retention retention;

  /** How long the trash keeps a to-do, the audit log an event, and the sync a removal. */
  record Retention(Duration trash, Duration audit, Duration sync) {}

  static final int PURGE_BATCH = 200;

  TrashService(
      TodoRepository todos,
      TrashRepository trash,
      ListRepository lists,
      Transactions transactions,
      Clock clock,
      Activity activity,
      AttachmentCleanup cleanup,
      AuditLog log,
      SyncFeed sync,
      Retention retention) {
    this.todos = todos;
    this.trash = trash;
    this.lists = lists;
    this.transactions = transactions;
    this.clock = clock;
    this.activity = activity;
    this.cleanup = cleanup;
    this.sync = sync;
    this.log = log;
    this.retention = retention;
  }

  @Override
  public TrashPage list(Caller caller, Optional<String> listId, PageRequest page) {
    return transactions.read(
        () -> {
          var covered = ListSelection.toReadTrash(lists, caller, listId);
          if (covered.isEmpty()) {
            return new TrashPage(List.of(), page, 0);
          }
          return new TrashPage(trash.find(covered, page), page, trash.count(covered));
        });
  }

  @Override
  public Todo restore(Caller caller, String todoId) {
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          var id = TodoId.parse(todoId).orElseThrow(TodoNotFoundException::new);
          var trashed = trash.findById(id);
          if (trashed.isEmpty()) {
            AccessibleTodos.find(todos, lists, caller, id).editable();
            throw new ConflictException("The to-do is not in the trash");
          }
          editable(caller, trashed.get());
          Todo restored = trashed.get().restored(clock.instant());
          trash.restore(trashed.get(), restored);
          events.todo(AuditAction.TODO_RESTORED, restored, Changes.none());
          return restored;
        });
  }

  @Override
  public void deleteForGood(Caller caller, String todoId) {
    var events = activity.by(caller);
    List<Attachment> removed =
        transactions.write(
            () -> {
              var id = TodoId.parse(todoId).orElseThrow(TodoNotFoundException::new);
              var trashed = trash.findById(id).orElseThrow(TodoNotFoundException::new);
              editable(caller, trashed);
              return deleteForGood(List.of(trashed), events);
            });
    cleanup.removeObjects(removed);
  }

  @Override
  public long empty(Caller caller, Optional<String> listId) {
    var events = activity.by(caller);
    record Outcome(long deleted, List<Attachment> removed) {}
    var outcome =
        transactions.write(
            () -> {
              var covered = ListSelection.toChange(lists, caller, listId);
              var all = covered.isEmpty() ? List.<TrashedTodo>of() : trash.findAll(covered);
              return new Outcome(all.size(), deleteForGood(all, events));
            });
    cleanup.removeObjects(outcome.removed());
    return outcome.deleted();
  }

  @Override
  public long purge(Caller caller) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("Only an admin may purge the trash");
    }
    return purge(activity.by(caller));
  }

  @Override
  public long purgeExpired() {
    return purge(activity.bySystem());
  }

  private long purge(Activity.Recorder events) {
    var now = clock.instant();
    var cutoff = now.minus(retention.trash());
    long purged = 0;
    List<TrashedTodo> batch;
    do {
      record Batch(List<TrashedTodo> todos, List<Attachment> removed) {}
      var done =
          transactions.write(
              () -> {
                var due = trash.deletedBefore(cutoff, PURGE_BATCH);
                return new Batch(due, deleteForGood(due, events));
              });
      cleanup.removeObjects(done.removed());
      batch = done.todos();
      purged += batch.size();
    } while (batch.size() == PURGE_BATCH);
    var auditCutoff = now.minus(retention.audit());
    var syncCutoff = now.minus(retention.sync());
    long expiredEvents =
        transactions.write(
            () -> {
              sync.forgetRemovalsBefore(syncCutoff);
              long deleted = log.deleteBefore(auditCutoff);
              events.about(
                  AuditAction.ADMIN_PURGE, Optional.empty(), Optional.empty(), Changes.none());
              return deleted;
            });
    LOG.log(
        System.Logger.Level.INFO,
        "Purged " + purged + " to-dos from the trash and " + expiredEvents + " audit events");
    return purged;
  }

  /** Inside the write: the rows and events; returns the attachments whose objects go after it. */
  private List<Attachment> deleteForGood(List<TrashedTodo> trashed, Activity.Recorder events) {
    var attachments = new ArrayList<Attachment>();
    for (TrashedTodo one : trashed) {
      attachments.addAll(cleanup.goingWith(one.id()));
      trash.delete(one);
      events.todo(AuditAction.TODO_PURGED, one.todo(), Changes.none());
    }
    return attachments;
  }

  /** The contract's checks on a trashed to-do: a list the caller reads (404), edits (403). */
  private void editable(Caller caller, TrashedTodo trashed) {
    var list = trashed.todo().listId();
    var access = new ListAccess(caller, list, lists.roleOf(list, caller.subject()));
    if (!access.canRead()) {
      throw new TodoNotFoundException();
    }
    access.requireEdit();
  }
}

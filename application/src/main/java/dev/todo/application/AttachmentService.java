package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.attachment.AttachmentLimits;
import dev.todo.domain.attachment.ContentTypes;
import dev.todo.domain.attachment.FileNames;
import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.error.AttachmentNotFoundException;
import dev.todo.domain.error.BlobNotFoundException;
import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files of a to-do. Bytes and metadata never disagree in the harmful direction: an upload
 * writes the object, then the row; a delete removes the row, then the object. So no row points to a
 * missing object; an object without a row (a crash in between) is left for {@link
 * ReconcileAttachmentsService}, which never touches an upload listed in {@link UploadsInFlight}
 * (from before its object is written until after its row is committed). The object store is never
 * called inside a database transaction.
 */
public final class AttachmentService implements AttachmentsUseCase {

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final TodoRepository todos;
  private final ListRepository lists;
  private final AttachmentRepository attachments;
  private final BlobStorage blobs;
  private final Transactions transactions;
  private final Clock clock;
  private final AttachmentLimits limits;
  private final AttachmentCleanup cleanup;
  private final UploadsInFlight uploads;
  private final Activity activity;

  AttachmentService(
      TodoRepository todos,
      ListRepository lists,
      AttachmentRepository attachments,
      BlobStorage blobs,
      Transactions transactions,
      Clock clock,
      AttachmentLimits limits,
      AttachmentCleanup cleanup,
      UploadsInFlight uploads,
      Activity activity) {
    this.todos = todos;
    this.lists = lists;
    this.attachments = attachments;
    this.blobs = blobs;
    this.transactions = transactions;
    this.clock = clock;
    this.limits = limits;
    this.cleanup = cleanup;
    this.uploads = uploads;
    this.activity = activity;
  }

  @Override
  public Attachment upload(UploadCommand command) {
    Caller caller = command.caller();
    var events = activity.by(caller);
    Todo todo = transactions.read(() -> accessible(caller, command.todoId()).editable());
    requireRoomFor(todo);
    IncomingFile file =
        command.file().read().orElseThrow(() -> ValidationException.of("file", "is required"));

    var id = AttachmentId.random();
    String name = Attachment.objectName(todo.id(), id);
    var measured = new MeasuringInputStream(file.content(), limits.maxBytes());
    uploads.begin(name);
    try {
      storing(() -> blobs.write(name, measured));
      var attachment =
          new Attachment(
              id,
              todo.id(),
              FileNames.display(file.filename()),
              file.contentType().map(ContentTypes::of).orElse(ContentTypes.DEFAULT),
              measured.count(),
              measured.sha256(),
              clock.instant());
      try {
        transactions.write(
            () -> {
              Todo current = accessible(caller, todo.id()).editable();
              requireRoomFor(current);
              attachments.insert(attachment);
              events.todo(
                  AuditAction.ATTACHMENT_ADDED,
                  current,
                  Changes.of("filename", null, attachment.filename()));
              return null;
            });
      } catch (RuntimeException e) {
        cleanup.removeObject(name);
        throw e;
      }
      return attachment;
    } finally {
      uploads.end(name);
    }
  }

  @Override
  public List<Attachment> list(Caller caller, TodoId todoId) {
    return transactions.read(
        () -> {
          accessible(caller, todoId);
          return attachments.findByTodo(todoId);
        });
  }

  @Override
  public Attachment get(Caller caller, TodoId todoId, String attachmentId) {
    return transactions.read(() -> attachmentOf(caller, todoId, attachmentId, false));
  }

  @Override
  public Download download(
      Caller caller, TodoId todoId, String attachmentId, Optional<ByteRange> range) {
    Attachment attachment =
        transactions.read(() -> attachmentOf(caller, todoId, attachmentId, false));
    long size = attachment.sizeBytes();
    Optional<long[]> span = range.flatMap(r -> satisfiable(r, size));
    long offset = span.map(s -> s[0]).orElse(0L);
    long length = span.map(s -> s[1] - s[0] + 1).orElse(size);
    BlobStorage.BlobContent content;
    try {
      content = storing(() -> blobs.read(attachment.objectName(), offset, length));
    } catch (BlobNotFoundException e) {
      throw new IllegalStateException(
          "The object of attachment " + attachment.id() + " is missing", e);
    }
    return new Download(attachment, offset, content.length(), span.isPresent(), content.stream());
  }

  /**
   * The first and last byte a range selects, or empty when it selects none (then the whole file is
   * sent: a server may ignore a range it cannot satisfy).
   */
  static Optional<long[]> satisfiable(ByteRange range, long size) {
    if (size == 0) {
      return Optional.empty();
    }
    if (range.first().isEmpty()) {
      long suffix = range.last().orElseThrow();
      return suffix <= 0
          ? Optional.empty()
          : Optional.of(new long[] {Math.max(0, size - suffix), size - 1});
    }
    long first = range.first().get();
    long last = Math.min(range.last().orElse(size - 1), size - 1);
    if (first < 0 || first >= size || last < first) {
      return Optional.empty();
    }
    return Optional.of(new long[] {first, last});
  }

  @Override
  public void delete(Caller caller, TodoId todoId, String attachmentId) {
    var events = activity.by(caller);
    Attachment attachment =
        transactions.write(
            () -> {
              Attachment found = attachmentOf(caller, todoId, attachmentId, true);
              attachments.delete(found);
              events.about(
                  AuditAction.ATTACHMENT_DELETED,
                  todos.findById(todoId).map(Todo::listId),
                  Optional.of(todoId),
                  Changes.of("filename", found.filename(), null));
              return found;
            });
    cleanup.removeObject(attachment.objectName());
  }

  private void requireRoomFor(Todo todo) {
    if (todo.attachmentCount() >= limits.maxPerTodo()) {
      throw ValidationException.of(
          "file", "a to-do has at most " + limits.maxPerTodo() + " attachments");
    }
  }

  private AccessibleTodos.Accessible accessible(Caller caller, TodoId id) {
    return AccessibleTodos.find(todos, lists, caller, id);
  }

  /** The to-do's attachment; {@code toChange}: once the caller may edit the to-do's list. */
  private Attachment attachmentOf(
      Caller caller, TodoId todoId, String attachmentId, boolean toChange) {
    var found = accessible(caller, todoId);
    if (toChange) {
      found.editable();
    }
    return AttachmentId.parse(attachmentId)
        .flatMap(attachments::findById)
        .filter(a -> a.todoId().equals(todoId))
        .orElseThrow(AttachmentNotFoundException::new);
  }

  /**
   * Runs a call to the object store: its outage is the service's 503; a source that broke (the
   * client went away mid-upload) is the client's problem.
   */
  private static <T> T storing(Supplier<T> call) {
    try {
      return call.get();
    } catch (StorageUnavailableException e) {
      throw new ServiceUnavailableException("The file store is not available", RETRY_AFTER, e);
    } catch (UncheckedIOException e) {
      throw new MalformedInputException("The upload ended before the file was complete");
    }
  }
}

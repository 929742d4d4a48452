package dev.todo.adapters.rest;

import dev.todo.application.UseCases;
import dev.todo.domain.attachment.AttachmentLimits;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListView;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.in.ActivityUseCase;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.CheckHealthUseCase;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.EraseAccountUseCase;
import dev.todo.domain.port.in.ExportAccountUseCase;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.in.ReadTodosUseCase;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import dev.todo.domain.port.in.ReconcileAttachmentsUseCase;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.in.StepsUseCase;
import dev.todo.domain.port.in.SyncUseCase;
import dev.todo.domain.port.in.TrashUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.port.out.RequestCorrelation;
import dev.todo.domain.testing.InMemoryBlobStorage;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.InMemoryTransactions;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.testing.SwitchableHealthProbe;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoInput;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the REST adapter drives in its tests: the application's real use cases ({@link UseCases}, as
 * bootstrap composes them) over the domain's in-memory fakes of port.out, one set per application
 * context. Tests seed state through the use cases or the fakes, move the clock, take the file store
 * or a health check down, or make the database fail; {@link #reset()} puts every fake back as it
 * started. The limits come from the same keys as in the service ({@code todo.attachments.*}), with
 * the service's defaults.
 */
@Singleton
final class InMemoryBackend {

  /** The clock's time when a test starts: a to-do created then shows {@code ...10:30:00.123Z}. */
  static final Instant START = Instant.parse("2026-01-15T10:30:00.123456Z");

  /** The service's default retention periods. */
  static final int TRASH_RETENTION_DAYS = 30;

  static final int SYNC_RETENTION_DAYS = 30;

  static final int AUDIT_RETENTION_DAYS = 365;

  final MutableClock clock = new MutableClock(START);
  final InMemoryDatabase db = new InMemoryDatabase();
  final ObservedTransactions transactions = new ObservedTransactions(db.transactions);
  final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  final SwitchableHealthProbe databaseProbe = new SwitchableHealthProbe("database");
  final SwitchableHealthProbe storageProbe = new SwitchableHealthProbe("storage");
  final AttachmentLimits limits;
  final UseCases useCases;
  private final List<Runnable> emptyDatabase =
      Stream.<InMemoryTransactions.Participant>of(
              db.todos, db.users, db.attachments, db.steps, db.lists, db.invites, db.audit, db.sync)
          .map(InMemoryTransactions.Participant::checkpoint)
          .toList();

  InMemoryBackend(
      @Value("${todo.attachments.max-bytes:10485760}") long maxBytes,
      @Value("${todo.attachments.max-per-todo:20}") int maxPerTodo,
      @Value("${todo.attachments.reconcile-grace-seconds:3600}") long graceSeconds,
      RequestCorrelation correlation) {
    limits = new AttachmentLimits(maxBytes, maxPerTodo);
    useCases =
        new UseCases(
            new UseCases.Ports(
                db.todos,
                db.trash,
                db.users,
                db.lists,
                db.invites,
                db.attachments,
                db.steps,
                blobs,
                db.audit,
                db.sync,
                transactions,
                clock,
                correlation,
                List.of(databaseProbe, storageProbe)),
            new UseCases.Settings(
                limits,
                Duration.ofSeconds(graceSeconds),
                Duration.ofDays(TRASH_RETENTION_DAYS),
                Duration.ofDays(AUDIT_RETENTION_DAYS),
                Duration.ofDays(SYNC_RETENTION_DAYS)));
  }

  /**
   * An empty database, an empty file store that answers, the clock at START. A health probe only
   * goes down: a test that takes one down needs a context of its own ({@code HealthTest}).
   */
  void reset() {
    if (!databaseProbe.isUp() || !storageProbe.isUp()) {
      throw new IllegalStateException("A probe went down in a shared context: rebuild it instead");
    }
    emptyDatabase.forEach(Runnable::run);
    transactions.recover();
    blobs.comeBack();
    blobs.names().forEach(blobs::delete);
    clock.set(START);
  }

  /** A to-do created through the real use case, as a client would create it. */
  Todo todo(String owner, String title) {
    return useCases
        .createTodo()
        .create(
            new CreateTodoCommand(
                Caller.of(owner), InputSource.of(TodoInput.empty().withTitle(Field.of(title)))));
  }

  /**
   * Stores a to-do as built (for what a client cannot set: creation times, completion), in the
   * default list of the user who created it.
   */
  Todo stored(Todo todo) {
    var placed = todo.toBuilder().listId(defaultListOf(todo.createdBy().orElseThrow())).build();
    db.todos.insert(placed);
    return placed;
  }

  /** The user's default list, created through the real use case if it is missing. */
  ListId defaultListOf(String user) {
    return useCases.lists().list(Caller.of(user), Optional.empty()).stream()
        .map(ListView::list)
        .filter(TodoList::isDefault)
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** The beans the adapter needs from the application, as bootstrap provides them. */
  @Factory
  static final class Beans {

    @Singleton
    AttachmentLimits attachmentLimits(InMemoryBackend backend) {
      return backend.limits;
    }

    @Singleton
    CreateTodoUseCase createTodo(InMemoryBackend backend) {
      return backend.useCases.createTodo();
    }

    @Singleton
    UpdateTodoUseCase updateTodo(InMemoryBackend backend) {
      return backend.useCases.updateTodo();
    }

    @Singleton
    DeleteTodoUseCase deleteTodo(InMemoryBackend backend) {
      return backend.useCases.deleteTodo();
    }

    @Singleton
    ReadTodosUseCase readTodos(InMemoryBackend backend) {
      return backend.useCases.readTodos();
    }

    @Singleton
    BulkEditTodosUseCase bulkEditTodos(InMemoryBackend backend) {
      return backend.useCases.bulkEditTodos();
    }

    @Singleton
    AttachmentsUseCase attachments(InMemoryBackend backend) {
      return backend.useCases.attachments();
    }

    @Singleton
    StepsUseCase steps(InMemoryBackend backend) {
      return backend.useCases.steps();
    }

    @Singleton
    ReconcileAttachmentsUseCase reconcileAttachments(InMemoryBackend backend) {
      return backend.useCases.reconcileAttachments();
    }

    @Singleton
    CheckHealthUseCase checkHealth(InMemoryBackend backend) {
      return backend.useCases.checkHealth();
    }

    @Singleton
    ListsUseCase lists(InMemoryBackend backend) {
      return backend.useCases.lists();
    }

    @Singleton
    SharingUseCase sharing(InMemoryBackend backend) {
      return backend.useCases.sharing();
    }

    @Singleton
    RecogniseUserUseCase recogniseUser(InMemoryBackend backend) {
      return backend.useCases.recogniseUser();
    }

    @Singleton
    TrashUseCase trash(InMemoryBackend backend) {
      return backend.useCases.trash();
    }

    @Singleton
    ActivityUseCase activity(InMemoryBackend backend) {
      return backend.useCases.activity();
    }

    @Singleton
    SyncUseCase sync(InMemoryBackend backend) {
      return backend.useCases.sync();
    }

    @Singleton
    ExportAccountUseCase exportAccount(InMemoryBackend backend) {
      return backend.useCases.exportAccount();
    }

    @Singleton
    EraseAccountUseCase eraseAccount(InMemoryBackend backend) {
      return backend.useCases.eraseAccount();
    }
  }
}

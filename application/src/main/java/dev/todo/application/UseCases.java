package dev.todo.application;

import dev.todo.domain.attachment.AttachmentLimits;
import dev.todo.domain.port.in.ActivityUseCase;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.CheckHealthUseCase;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.EraseAccountUseCase;
import dev.todo.domain.port.in.ExportAccountUseCase;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.in.ReadTodosUseCase;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import dev.todo.domain.port.in.ReconcileAttachmentsUseCase;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.in.StepsUseCase;
import dev.todo.domain.port.in.SyncUseCase;
import dev.todo.domain.port.in.TrashUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.port.out.InviteRepository;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.RequestCorrelation;
import dev.todo.domain.port.out.StepRepository;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.TrashRepository;
import dev.todo.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The application's use cases composed from its outgoing ports and settings, in one place: the
 * service's wiring and the REST adapter's tests build the same services from it.
 */
public final class UseCases {

  /** What the use cases need from outside. */
  public record Ports(
      TodoRepository todos,
      TrashRepository trash,
      UserRepository users,
      ListRepository lists,
      InviteRepository invites,
      AttachmentRepository attachments,
      StepRepository steps,
      BlobStorage blobs,
      AuditLog audit,
      SyncFeed sync,
      Transactions transactions,
      Clock clock,
      RequestCorrelation correlation,
      List<HealthProbe> probes) {}

  /** How the use cases are tuned. */
  public record Settings(
      AttachmentLimits attachmentLimits,
      Duration reconcileGrace,
      Duration trashRetention,
      Duration auditRetention,
      Duration syncRetention) {}

  private final TodoService todos;
  private final TodoQueryService reads;
  private final BulkTodoService bulk;
  private final AttachmentService attachments;
  private final StepService steps;
  private final ReconcileAttachmentsService reconcile;
  private final HealthService health;
  private final ListService lists;
  private final SharingService sharing;
  private final KnownUserService knownUsers;
  private final TrashService trash;
  private final ActivityService activityLog;
  private final SyncService sync;
  private final ExportService export;
  private final AccountErasureService erasure;

  public UseCases(Ports ports, Settings settings) {
    var cleanup = new AttachmentCleanup(ports.attachments(), ports.blobs());
    var uploads = new UploadsInFlight();
    var defaultLists = new DefaultLists(ports.lists(), ports.users(), ports.clock());
    var activity = new Activity(ports.audit(), ports.clock(), ports.correlation());
    todos =
        new TodoService(
            ports.todos(),
            ports.trash(),
            ports.lists(),
            defaultLists,
            ports.transactions(),
            ports.clock(),
            activity);
    reads = new TodoQueryService(ports.todos(), ports.lists(), ports.transactions(), ports.clock());
    bulk =
        new BulkTodoService(
            ports.todos(), ports.lists(), ports.transactions(), ports.clock(), activity);
    attachments =
        new AttachmentService(
            ports.todos(),
            ports.lists(),
            ports.attachments(),
            ports.blobs(),
            ports.transactions(),
            ports.clock(),
            settings.attachmentLimits(),
            cleanup,
            uploads,
            activity);
    steps =
        new StepService(
            ports.todos(),
            ports.lists(),
            ports.steps(),
            ports.transactions(),
            ports.clock(),
            activity);
    reconcile =
        new ReconcileAttachmentsService(
            ports.attachments(),
            ports.blobs(),
            ports.transactions(),
            ports.clock(),
            settings.reconcileGrace(),
            uploads,
            activity);
    health = new HealthService(ports.probes());
    knownUsers = new KnownUserService(ports.users(), ports.transactions(), ports.clock());
    lists =
        new ListService(
            ports.lists(),
            ports.users(),
            defaultLists,
            ports.transactions(),
            ports.clock(),
            cleanup,
            activity);
    sharing =
        new SharingService(
            ports.lists(),
            ports.invites(),
            ports.users(),
            ports.transactions(),
            ports.clock(),
            activity);
    trash =
        new TrashService(
            ports.todos(),
            ports.trash(),
            ports.lists(),
            ports.transactions(),
            ports.clock(),
            activity,
            cleanup,
            ports.audit(),
            ports.sync(),
            new TrashService.Retention(
                settings.trashRetention(), settings.auditRetention(), settings.syncRetention()));
    activityLog = new ActivityService(ports.audit(), ports.lists(), ports.transactions());
    sync =
        new SyncService(
            ports.sync(), ports.transactions(), ports.clock(), settings.syncRetention());
    export =
        new ExportService(
            new ExportService.ExportSources(
                ports.users(),
                ports.lists(),
                ports.todos(),
                ports.trash(),
                ports.steps(),
                ports.attachments(),
                ports.blobs()),
            ports.transactions(),
            ports.clock());
    erasure =
        new AccountErasureService(
            ports.lists(),
            ports.todos(),
            ports.users(),
            ports.audit(),
            ports.transactions(),
            cleanup,
            activity);
  }

  public CreateTodoUseCase createTodo() {
    return todos;
  }

  public UpdateTodoUseCase updateTodo() {
    return todos;
  }

  public DeleteTodoUseCase deleteTodo() {
    return todos;
  }

  public ReadTodosUseCase readTodos() {
    return reads;
  }

  public BulkEditTodosUseCase bulkEditTodos() {
    return bulk;
  }

  public AttachmentsUseCase attachments() {
    return attachments;
  }

  public StepsUseCase steps() {
    return steps;
  }

  public ReconcileAttachmentsUseCase reconcileAttachments() {
    return reconcile;
  }

  public CheckHealthUseCase checkHealth() {
    return health;
  }

  public ListsUseCase lists() {
    return lists;
  }

  public SharingUseCase sharing() {
    return sharing;
  }

  public RecogniseUserUseCase recogniseUser() {
    return knownUsers;
  }

  public TrashUseCase trash() {
    return trash;
  }

  public ActivityUseCase activity() {
    return activityLog;
  }

  public SyncUseCase sync() {
    return sync;
  }

  public ExportAccountUseCase exportAccount() {
    return export;
  }

  public EraseAccountUseCase eraseAccount() {
    return erasure;
  }
}

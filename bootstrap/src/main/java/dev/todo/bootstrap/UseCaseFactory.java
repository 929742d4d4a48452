package dev.todo.bootstrap;

import dev.todo.application.UseCases;
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
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Hands the application's use cases, composed from the adapters of their ports, to the adapters;
 * each call of one runs in its own span.
 */
@Factory
class UseCaseFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The limits the REST adapter also needs, to size the server and tell the browser app. */
  @Singleton
  AttachmentLimits attachmentLimits(AttachmentConfiguration attachments) {
    return attachments.limits();
  }

  @Singleton
  UseCases useCases(
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
      List<HealthProbe> probes,
      AttachmentConfiguration settings,
      RetentionConfiguration retention) {
    return new UseCases(
        new UseCases.Ports(
            todos,
            trash,
            users,
            lists,
            invites,
            attachments,
            steps,
            blobs,
            audit,
            sync,
            transactions,
            clock,
            correlation,
            probes),
        new UseCases.Settings(
            settings.limits(),
            settings.reconcileGrace(),
            retention.trash(),
            retention.audit(),
            retention.sync()));
  }

  @Singleton
  SyncUseCase sync(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(SyncUseCase.class, useCases.sync());
  }

  @Singleton
  CreateTodoUseCase createTodo(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(CreateTodoUseCase.class, useCases.createTodo());
  }

  @Singleton
  UpdateTodoUseCase updateTodo(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(UpdateTodoUseCase.class, useCases.updateTodo());
  }

  @Singleton
  DeleteTodoUseCase deleteTodo(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(DeleteTodoUseCase.class, useCases.deleteTodo());
  }

  @Singleton
  ReadTodosUseCase readTodos(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(ReadTodosUseCase.class, useCases.readTodos());
  }

  @Singleton
  BulkEditTodosUseCase bulkEditTodos(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(BulkEditTodosUseCase.class, useCases.bulkEditTodos());
  }

  @Singleton
  AttachmentsUseCase attachments(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(AttachmentsUseCase.class, useCases.attachments());
  }

  @Singleton
  StepsUseCase steps(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(StepsUseCase.class, useCases.steps());
  }

  @Singleton
  ReconcileAttachmentsUseCase reconcileAttachments(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(ReconcileAttachmentsUseCase.class, useCases.reconcileAttachments());
  }

  @Singleton
  CheckHealthUseCase checkHealth(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(CheckHealthUseCase.class, useCases.checkHealth());
  }

  @Singleton
  ListsUseCase lists(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(ListsUseCase.class, useCases.lists());
  }

  @Singleton
  SharingUseCase sharing(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(SharingUseCase.class, useCases.sharing());
  }

  @Singleton
  RecogniseUserUseCase recogniseUser(UseCases useCases) {
    return useCases.recogniseUser();
  }

  @Singleton
  TrashUseCase trash(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(TrashUseCase.class, useCases.trash());
  }

  @Singleton
  ActivityUseCase activity(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(ActivityUseCase.class, useCases.activity());
  }

  @Singleton
  ExportAccountUseCase exportAccount(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(ExportAccountUseCase.class, useCases.exportAccount());
  }

  @Singleton
  EraseAccountUseCase eraseAccount(UseCases useCases, TracedUseCases traced) {
    return traced.wrap(EraseAccountUseCase.class, useCases.eraseAccount());
  }
}

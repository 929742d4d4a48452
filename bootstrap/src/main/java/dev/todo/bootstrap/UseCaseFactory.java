package dev.todo.bootstrap;

import dev.todo.application.AttachmentRemovingDeletes;
import dev.todo.application.AttachmentService;
import dev.todo.application.BulkTodoService;
import dev.todo.application.HealthService;
import dev.todo.application.TodoQueryService;
import dev.todo.application.TodoService;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.CheckHealthUseCase;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.ReadTodosUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Builds the framework-free application services from the adapters that implement their ports. */
@Factory
class UseCaseFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  CheckHealthUseCase checkHealth(List<HealthProbe> probes) {
    return new HealthService(probes);
  }

  @Singleton
  @Bean(typed = {CreateTodoUseCase.class, UpdateTodoUseCase.class, TodoService.class})
  TodoService todoService(
      TodoRepository todos, UserRepository users, Transactions transactions, Clock clock) {
    return new TodoService(todos, users, transactions, clock);
  }

  @Singleton
  ReadTodosUseCase readTodos(TodoRepository todos, Transactions transactions, Clock clock) {
    return new TodoQueryService(todos, transactions, clock);
  }

  /** Deleting a to-do deletes its attachments' objects too. */
  @Singleton
  DeleteTodoUseCase deleteTodo(
      TodoService todos,
      AttachmentRepository attachments,
      Transactions transactions,
      AttachmentService files) {
    return AttachmentRemovingDeletes.deleteTodo(todos, attachments, transactions, files);
  }

  /** So do clearing completed and deleting all. */
  @Singleton
  BulkEditTodosUseCase bulkEditTodos(
      TodoRepository todos,
      AttachmentRepository attachments,
      Transactions transactions,
      Clock clock,
      AttachmentService files) {
    return AttachmentRemovingDeletes.bulkEdit(
        new BulkTodoService(todos, transactions, clock), attachments, transactions, files);
  }
}

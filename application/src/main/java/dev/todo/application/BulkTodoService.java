package dev.todo.application;

import dev.todo.domain.error.ValidationException;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import java.time.Clock;

/** Changes all of the caller's to-dos that match a status in one write transaction. */
public final class BulkTodoService implements BulkEditTodosUseCase {

  private final TodoRepository todos;
  private final Transactions transactions;
  private final Clock clock;

  public BulkTodoService(TodoRepository todos, Transactions transactions, Clock clock) {
    this.todos = todos;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public long setCompleted(SetCompletedCommand command) {
    command.caller().requireWriteAccess();
    Boolean completed = command.completed().read();
    if (completed == null) {
      throw ValidationException.of("completed", "is required");
    }
    return transactions.write(
        () ->
            todos.setCompleted(
                command.caller().subject(), command.status(), completed, clock.instant()));
  }

  @Override
  public long deleteAll(DeleteTodosCommand command) {
    command.caller().requireWriteAccess();
    return transactions.write(() -> todos.deleteAll(command.caller().subject(), command.status()));
  }
}

package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import java.time.Clock;
import java.util.List;

/** Changes all of the caller's to-dos that match a status in one write transaction. */
public final class BulkTodoService implements BulkEditTodosUseCase {

  private final TodoRepository todos;
  private final Transactions transactions;
  private final Clock clock;
  private final AttachmentCleanup cleanup;

  public BulkTodoService(
      TodoRepository todos, Transactions transactions, Clock clock, AttachmentCleanup cleanup) {
    this.todos = todos;
    this.transactions = transactions;
    this.clock = clock;
    this.cleanup = cleanup;
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

  /** Deletes the to-dos with their attachments: their rows in the transaction, then objects. */
  @Override
  public long deleteAll(DeleteTodosCommand command) {
    command.caller().requireWriteAccess();
    String owner = command.caller().subject();
    record Outcome(long deleted, List<Attachment> removed) {}
    var outcome =
        transactions.write(
            () -> {
              var attachments = cleanup.goingWith(owner, command.status());
              return new Outcome(todos.deleteAll(owner, command.status()), attachments);
            });
    cleanup.removeObjects(outcome.removed());
    return outcome.deleted();
  }
}

package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import java.time.Clock;
import java.util.List;

/** Changes the to-dos of one list, or of every list the caller owns, in one write transaction. */
public final class BulkTodoService implements BulkEditTodosUseCase {

  private final TodoRepository todos;
  private final ListRepository lists;
  private final Transactions transactions;
  private final Clock clock;
  private final AttachmentCleanup cleanup;

  BulkTodoService(
      TodoRepository todos,
      ListRepository lists,
      Transactions transactions,
      Clock clock,
      AttachmentCleanup cleanup) {
    this.todos = todos;
    this.lists = lists;
    this.transactions = transactions;
    this.clock = clock;
    this.cleanup = cleanup;
  }

  @Override
  public long setCompleted(SetCompletedCommand command) {
    var caller = command.caller();
    return transactions.write(
        () -> {
          var covered = ListSelection.toChange(lists, caller, command.listId());
          Boolean completed = command.completed().read();
          if (completed == null) {
            throw ValidationException.of("completed", "is required");
          }
          return todos.setCompleted(
              covered, command.status(), completed, clock.instant(), caller.subject());
        });
  }

  /** Deletes the to-dos with their attachments: their rows in the transaction, then objects. */
  @Override
  public long deleteAll(DeleteTodosCommand command) {
    record Outcome(long deleted, List<Attachment> removed) {}
    var outcome =
        transactions.write(
            () -> {
              var covered = ListSelection.toChange(lists, command.caller(), command.listId());
              var attachments = cleanup.goingWith(covered, command.status());
              return new Outcome(todos.deleteAll(covered, command.status()), attachments);
            });
    cleanup.removeObjects(outcome.removed());
    return outcome.deleted();
  }
}

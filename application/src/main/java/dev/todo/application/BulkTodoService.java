package dev.todo.application;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import java.time.Clock;

/**
 * Changes (or trashes) the to-dos of one list, or of every list the caller owns, in one write
 * transaction.
 */
public final class BulkTodoService implements BulkEditTodosUseCase {

  private final TodoRepository todos;
  private final ListRepository lists;
  private final Transactions transactions;
  private final Clock clock;
  private final Activity activity;

  BulkTodoService(
      TodoRepository todos,
      ListRepository lists,
      Transactions transactions,
      Clock clock,
      Activity activity) {
    this.todos = todos;
    this.lists = lists;
    this.transactions = transactions;
    this.clock = clock;
    this.activity = activity;
  }

  @Override
  public long setCompleted(SetCompletedCommand command) {
    var caller = command.caller();
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          var covered = ListSelection.toChange(lists, caller, command.listId());
          Boolean completed = command.completed().read();
          if (completed == null) {
            throw ValidationException.of("completed", "is required");
          }
          var changed =
              todos.setCompleted(
                  covered, command.status(), completed, clock.instant(), caller.subject());
          var action = completed ? AuditAction.TODO_COMPLETED : AuditAction.TODO_REOPENED;
          var changes = Changes.of("completed", !completed, completed);
          changed.forEach(todo -> events.todo(action, todo, changes));
          return (long) changed.size();
        });
  }

  /** Moves the to-dos to the trash, with their steps and attachments. */
  @Override
  public long deleteAll(DeleteTodosCommand command) {
    var events = activity.by(command.caller());
    return transactions.write(
        () -> {
          var covered = ListSelection.toChange(lists, command.caller(), command.listId());
          var trashed =
              todos.trashAll(
                  covered, command.status(), clock.instant(), command.caller().subject());
          trashed.forEach(todo -> events.todo(AuditAction.TODO_DELETED, todo, Changes.none()));
          return (long) trashed.size();
        });
  }
}

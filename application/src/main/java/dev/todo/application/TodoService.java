package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Creates, changes and deletes single to-dos. Each use case is one write transaction, and checks in
 * the contract's order: existence and ownership (404), role (403), precondition (412), and only
 * then the caller's input (415, 400).
 */
public final class TodoService implements CreateTodoUseCase, UpdateTodoUseCase, DeleteTodoUseCase {

  private final TodoRepository todos;
  private final UserRepository users;
  private final Transactions transactions;
  private final Clock clock;
  private final AttachmentCleanup cleanup;

  public TodoService(
      TodoRepository todos,
      UserRepository users,
      Transactions transactions,
      Clock clock,
      AttachmentCleanup cleanup) {
    this.todos = todos;
    this.users = users;
    this.transactions = transactions;
    this.clock = clock;
    this.cleanup = cleanup;
  }

  @Override
  public Todo create(CreateTodoCommand command) {
    Caller caller = command.caller();
    caller.requireWriteAccess();
    TodoEdit edit = TodoEdit.forCreate(command.input().read());
    return transactions.write(
        () -> {
          var now = clock.instant();
          users.register(caller, now);
          var todo =
              Todo.create(
                  TodoId.random(),
                  caller.subject(),
                  edit,
                  todos.nextPosition(caller.subject()),
                  now);
          todos.insert(todo);
          return todo;
        });
  }

  @Override
  public Todo replace(UpdateTodoCommand command) {
    return update(command, TodoEdit::forReplace);
  }

  @Override
  public Todo mergePatch(UpdateTodoCommand command) {
    return update(command, TodoEdit::forMergePatch);
  }

  private Todo update(UpdateTodoCommand command, Function<TodoInput, TodoEdit> rules) {
    return transactions.write(
        () -> {
          Todo current = accessible(command.caller(), command.id());
          command.caller().requireWriteAccess();
          command.precondition().check(current.version());
          TodoEdit edit = rules.apply(command.input().read());
          Todo changed = current.apply(edit, clock.instant());
          if (changed != current) {
            todos.update(current, changed);
          }
          return changed;
        });
  }

  /** Deletes the to-do with its attachments: their rows in the transaction, then their objects. */
  @Override
  public void delete(DeleteTodoCommand command) {
    List<Attachment> removed =
        transactions.write(
            () -> {
              Todo current = accessible(command.caller(), command.id());
              command.caller().requireWriteAccess();
              command.precondition().check(current.version());
              var attachments = cleanup.goingWith(current.id());
              todos.delete(current);
              return attachments;
            });
    cleanup.removeObjects(removed);
  }

  private Todo accessible(Caller caller, TodoId id) {
    return AccessibleTodos.find(todos, caller, id);
  }
}

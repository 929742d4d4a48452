package dev.todo.application;

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

  public TodoService(
      TodoRepository todos, UserRepository users, Transactions transactions, Clock clock) {
    this.todos = todos;
    this.users = users;
    this.transactions = transactions;
    this.clock = clock;
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
            todos.update(changed);
          }
          return changed;
        });
  }

  @Override
  public void delete(DeleteTodoCommand command) {
    transactions.write(
        () -> {
          Todo current = accessible(command.caller(), command.id());
          command.caller().requireWriteAccess();
          command.precondition().check(current.version());
          todos.delete(current);
          return null;
        });
  }

  private Todo accessible(Caller caller, TodoId id) {
    return AccessibleTodos.find(todos, caller, id);
  }
}

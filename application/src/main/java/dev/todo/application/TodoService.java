package dev.todo.application;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.audit.TodoChanges;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.TrashRepository;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates, changes, moves and trashes single to-dos, each with its audit event. Each use case is
 * one write transaction, and checks in the contract's order: existence and the caller's access to
 * the to-do's list (404), role (403), precondition (412), then the list the body names (404, 403),
 * and only then the rest of the caller's input (400).
 */
public final class TodoService implements CreateTodoUseCase, UpdateTodoUseCase, DeleteTodoUseCase {

  private final TodoRepository todos;
  private final TrashRepository trash;
  private final ListRepository lists;
  private final DefaultLists defaultLists;
  private final Transactions transactions;
  private final Clock clock;
  private final Activity activity;

  TodoService(
      TodoRepository todos,
      TrashRepository trash,
      ListRepository lists,
      DefaultLists defaultLists,
      Transactions transactions,
      Clock clock,
      Activity activity) {
    this.todos = todos;
    this.trash = trash;
    this.lists = lists;
    this.defaultLists = defaultLists;
    this.transactions = transactions;
    this.clock = clock;
    this.activity = activity;
  }

  @Override
  public Todo create(CreateTodoCommand command) {
    Caller caller = command.caller();
    caller.requireWriteAccess();
    TodoInput input = command.input().read();
    var events = activity.by(caller);
    TodoId todoId =
        command
            .requestKey()
            .map(key -> TodoId.createdUnder(caller.subject(), key))
            .orElseGet(TodoId::random);
    return transactions.write(
        () -> {
          if (command.requestKey().isPresent()) {
            var earlier = createdBefore(caller, todoId);
            if (earlier.isPresent()) {
              return earlier.get();
            }
          }
          TodoList list =
              switch (input.listId()) {
                case Field.Absent<String> absent -> defaultLists.of(caller);
                case Field.Null<String> none -> defaultLists.of(caller);
                case Field.Value<String> id -> editableList(caller, id.value());
              };
          TodoEdit edit = TodoEdit.forCreate(input);
          var todo =
              Todo.create(
                  todoId,
                  list.id(),
                  caller.subject(),
                  edit,
                  todos.nextPosition(list.id()),
                  clock.instant());
          todos.insert(todo);
          events.todo(AuditAction.TODO_CREATED, todo, TodoChanges.created(todo));
          return todo;
        });
  }

  /**
   * What an earlier create under the same key made: the to-do as it is now, or "not found" while it
   * is in the trash or out of the caller's reach (a to-do deleted for good leaves nothing to tell,
   * so a retry after that creates it again).
   */
  private Optional<Todo> createdBefore(Caller caller, TodoId id) {
    if (todos.findById(id).isPresent()) {
      return Optional.of(AccessibleTodos.find(todos, lists, caller, id).todo());
    }
    if (trash.findById(id).isPresent()) {
      throw new TodoNotFoundException();
    }
    return Optional.empty();
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
    Caller caller = command.caller();
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          Todo current = accessible(caller, command.id()).editable();
          command.precondition().check(current.version());
          TodoInput input = command.input().read();
          var target = movingTo(caller, current, input.listId());
          TodoEdit edit = rules.apply(input);
          if (target != null) {
            edit = edit.movingTo(target.id(), todos.nextPosition(target.id()));
          }
          Todo changed = current.apply(edit, clock.instant(), caller.subject());
          if (changed != current) {
            todos.update(current, changed);
            events.todo(
                TodoChanges.actionOf(current, changed),
                changed,
                TodoChanges.between(current, changed));
          }
          return changed;
        });
  }

  /** The other list the input names, once the caller may edit it; null when it stays. */
  private TodoList movingTo(Caller caller, Todo current, Field<String> listId) {
    return switch (listId) {
      case Field.Absent<String> absent -> null;
      case Field.Null<String> none -> throw ValidationException.of("list_id", "must not be null");
      case Field.Value<String> id -> {
        TodoList target = editableList(caller, id.value());
        yield target.id().equals(current.listId()) ? null : target;
      }
    };
  }

  private TodoList editableList(Caller caller, String id) {
    var found = AccessibleLists.find(lists, caller, id);
    found.access().requireEdit();
    return found.list();
  }

  /** Moves the to-do to the trash: its steps and attachments stay with it (see the trash). */
  @Override
  public void delete(DeleteTodoCommand command) {
    var events = activity.by(command.caller());
    transactions.write(
        () -> {
          Todo current = accessible(command.caller(), command.id()).editable();
          command.precondition().check(current.version());
          todos.trash(current, clock.instant(), command.caller().subject());
          events.todo(AuditAction.TODO_DELETED, current, Changes.none());
          return null;
        });
  }

  private AccessibleTodos.Accessible accessible(Caller caller, TodoId id) {
    return AccessibleTodos.find(todos, lists, caller, id);
  }
}

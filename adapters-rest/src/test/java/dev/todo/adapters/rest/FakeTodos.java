package dev.todo.adapters.rest;

import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.ReadTodosUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.TodoPage;
import dev.todo.domain.todo.TodoStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small stand-in for the application services behind the REST adapter: it keeps to-dos in a map,
 * uses the real domain rules ({@link TodoEdit}, {@link Todo#apply}) and checks in the contract's
 * order (404, role, precondition, then the body), so that REST tests can see what the adapter
 * passes on and how it renders the answers. It remembers the last command and can be told to fail.
 */
final class FakeTodos
    implements CreateTodoUseCase,
        ReadTodosUseCase,
        UpdateTodoUseCase,
        DeleteTodoUseCase,
        BulkEditTodosUseCase {

  static final Logger LOG = LoggerFactory.getLogger(FakeTodos.class);
  static final Instant NOW = Instant.parse("2026-01-15T10:30:00.123456Z");

  private final Map<TodoId, Todo> todos = new ConcurrentHashMap<>();
  private volatile Object lastCommand;
  private volatile RuntimeException failure;
  private volatile Instant now = NOW;

  void reset() {
    todos.clear();
    lastCommand = null;
    failure = null;
    now = NOW;
  }

  /** Every call fails with this exception (the input is not read). */
  void failWith(RuntimeException exception) {
    failure = exception;
  }

  void clockAt(Instant instant) {
    now = instant;
  }

  Object lastCommand() {
    return lastCommand;
  }

  Todo add(String owner, String title) {
    var edit = TodoEdit.forCreate(TodoInput.empty().withTitle(Field.of(title)));
    var todo = Todo.create(TodoId.random(), owner, edit, todos.size() + 1, now);
    todos.put(todo.id(), todo);
    return todo;
  }

  void put(Todo todo) {
    todos.put(todo.id(), todo);
  }

  Todo find(TodoId id) {
    return todos.get(id);
  }

  private void enter(Object command) {
    LOG.info("use case called with {}", command.getClass().getSimpleName());
    lastCommand = command;
    var fail = failure;
    if (fail != null) {
      throw fail;
    }
  }

  @Override
  public Todo create(CreateTodoCommand command) {
    enter(command);
    command.caller().requireWriteAccess();
    var edit = TodoEdit.forCreate(command.input().read());
    var todo =
        Todo.create(TodoId.random(), command.caller().subject(), edit, todos.size() + 1, now);
    todos.put(todo.id(), todo);
    return todo;
  }

  @Override
  public Todo get(GetTodoQuery query) {
    enter(query);
    return accessible(query.caller(), query.id());
  }

  @Override
  public TodoPage list(ListTodosQuery query) {
    enter(query);
    var owner = query.caller().ownerToRead(query.owner());
    var all =
        todos.values().stream()
            .filter(todo -> todo.owner().equals(owner))
            .sorted(Comparator.comparingLong(Todo::position))
            .toList();
    var page = query.page();
    var items = all.stream().skip(page.offset()).limit(page.size()).toList();
    return new TodoPage(items, page, all.size());
  }

  @Override
  public TodoStats stats(TodoStatsQuery query) {
    enter(query);
    var owner = query.caller().ownerToRead(query.owner());
    var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Todo> mine = todos.values().stream().filter(t -> t.owner().equals(owner)).toList();
    return new TodoStats(
        mine.size(),
        mine.stream().filter(Todo::completed).count(),
        mine.stream().filter(t -> t.isOverdueOn(today)).count(),
        mine.stream()
            .filter(t -> !t.completed() && t.dueDate().map(today::equals).orElse(false))
            .count());
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
    enter(command);
    var current = accessible(command.caller(), command.id());
    command.caller().requireWriteAccess();
    command.precondition().check(current.version());
    var changed = current.apply(rules.apply(command.input().read()), now);
    todos.put(changed.id(), changed);
    return changed;
  }

  @Override
  public void delete(DeleteTodoCommand command) {
    enter(command);
    var current = accessible(command.caller(), command.id());
    command.caller().requireWriteAccess();
    command.precondition().check(current.version());
    todos.remove(current.id());
  }

  @Override
  public long setCompleted(SetCompletedCommand command) {
    enter(command);
    command.caller().requireWriteAccess();
    Boolean completed = command.completed().read();
    if (completed == null) {
      throw ValidationException.of("completed", "is required");
    }
    long changed = 0;
    for (var todo : List.copyOf(todos.values())) {
      if (todo.owner().equals(command.caller().subject()) && matches(command.status(), todo)) {
        var next = todo.withCompleted(completed, now);
        if (next != todo) {
          todos.put(next.id(), next);
          changed++;
        }
      }
    }
    return changed;
  }

  @Override
  public long deleteAll(DeleteTodosCommand command) {
    enter(command);
    command.caller().requireWriteAccess();
    var doomed =
        todos.values().stream()
            .filter(t -> t.owner().equals(command.caller().subject()))
            .filter(t -> matches(command.status(), t))
            .toList();
    doomed.forEach(t -> todos.remove(t.id()));
    return doomed.size();
  }

  private static boolean matches(StatusFilter status, Todo todo) {
    return switch (status) {
      case ALL -> true;
      case ACTIVE -> !todo.completed();
      case COMPLETED -> todo.completed();
    };
  }

  private Todo accessible(Caller caller, TodoId id) {
    var todo = todos.get(id);
    if (todo == null || !caller.canAccess(todo.owner())) {
      throw new TodoNotFoundException();
    }
    return todo;
  }
}

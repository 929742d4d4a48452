package dev.todo.application;

import dev.todo.domain.port.in.ReadTodosUseCase;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoPage;
import dev.todo.domain.todo.TodoStats;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Reads to-dos: one by id, a page of a list, the stats; "today" is the UTC date. */
public final class TodoQueryService implements ReadTodosUseCase {

  private final TodoRepository todos;
  private final Transactions transactions;
  private final Clock clock;

  public TodoQueryService(TodoRepository todos, Transactions transactions, Clock clock) {
    this.todos = todos;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public Todo get(GetTodoQuery query) {
    return transactions.read(() -> AccessibleTodos.find(todos, query.caller(), query.id()));
  }

  @Override
  public TodoPage list(ListTodosQuery query) {
    String owner = query.caller().ownerToRead(query.owner());
    var filter =
        new TodoFilter(
            owner,
            query.status(),
            query.text(),
            query.priority(),
            query.dueBefore(),
            query.dueAfter());
    return transactions.read(
        () ->
            new TodoPage(
                todos.find(filter, query.sort(), query.direction(), query.page()),
                query.page(),
                todos.count(filter)));
  }

  @Override
  public TodoStats stats(TodoStatsQuery query) {
    String owner = query.caller().ownerToRead(query.owner());
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return transactions.read(() -> todos.stats(owner, today));
  }
}

package dev.todo.application;

import dev.todo.domain.port.in.ReadTodosUseCase;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoPage;
import dev.todo.domain.todo.TodoStats;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Reads to-dos: one by id, a page of one list or of several, the stats; "today" is the date in the
 * caller's time zone. The lists and the caller's access to them are read in the same transaction.
 */
public final class TodoQueryService implements ReadTodosUseCase {

  private final TodoRepository todos;
  private final ListRepository lists;
  private final Transactions transactions;
  private final Clock clock;

  TodoQueryService(
      TodoRepository todos, ListRepository lists, Transactions transactions, Clock clock) {
    this.todos = todos;
    this.lists = lists;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public Todo get(GetTodoQuery query) {
    return transactions.read(
        () -> AccessibleTodos.find(todos, lists, query.caller(), query.id()).todo());
  }

  @Override
  public TodoPage list(ListTodosQuery query) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), query.zone());
    return transactions.read(
        () -> {
          var covered = ListSelection.toRead(lists, query.caller(), query.listId(), query.owner());
          var all =
              new TodoFilter(
                  covered,
                  query.status(),
                  query.text(),
                  query.priority(),
                  query.dueBefore(),
                  query.dueAfter());
          TodoFilter filter = query.due().map(due -> due.narrow(all, today)).orElse(all);
          return new TodoPage(
              todos.find(filter, query.sort(), query.direction(), query.page()),
              query.page(),
              todos.count(filter));
        });
  }

  @Override
  public TodoStats stats(TodoStatsQuery query) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), query.zone());
    return transactions.read(
        () ->
            todos.stats(
                ListSelection.toRead(lists, query.caller(), query.listId(), query.owner()), today));
  }
}

package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.DueView;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoPage;
import dev.todo.domain.todo.TodoSort;
import dev.todo.domain.todo.TodoStats;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/** Reads to-dos the caller may see: one, a filtered and sorted page, or the progress stats. */
public interface ReadTodosUseCase {

  Todo get(GetTodoQuery query);

  TodoPage list(ListTodosQuery query);

  TodoStats stats(TodoStatsQuery query);

  record GetTodoQuery(Caller caller, TodoId id) {
    public GetTodoQuery {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * Which lists: {@code listId} names one (a member's), {@code owner} the lists a user owns (an
   * admin may name anyone, others only themself), neither every list the caller can read. "Today"
   * of the due-date view is the date in {@code zone}.
   */
  record ListTodosQuery(
      Caller caller,
      Optional<String> listId,
      Optional<String> owner,
      StatusFilter status,
      Optional<String> text,
      Optional<Priority> priority,
      Optional<LocalDate> dueBefore,
      Optional<LocalDate> dueAfter,
      Optional<DueView> due,
      ZoneId zone,
      TodoSort sort,
      SortDirection direction,
      PageRequest page) {
    public ListTodosQuery {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(listId, "listId");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(dueBefore, "dueBefore");
      Objects.requireNonNull(dueAfter, "dueAfter");
      Objects.requireNonNull(due, "due");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(sort, "sort");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(page, "page");
    }

    /** Every list of the caller with every default: all, by position, first page of 20. */
    public static ListTodosQuery firstPageOf(Caller caller) {
      return new ListTodosQuery(
          caller,
          Optional.empty(),
          Optional.empty(),
          StatusFilter.ALL,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          ZoneOffset.UTC,
          TodoSort.POSITION,
          SortDirection.ASC,
          new PageRequest(1, PageRequest.DEFAULT_SIZE));
    }
  }

  /** The lists as in {@link ListTodosQuery}; "today" is the date in {@code zone}. */
  record TodoStatsQuery(
      Caller caller, Optional<String> listId, Optional<String> owner, ZoneId zone) {
    public TodoStatsQuery {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(listId, "listId");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(zone, "zone");
    }
  }
}

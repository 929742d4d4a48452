package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoSort;
import dev.todo.domain.todo.TodoStats;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The to-dos in SQLite. Every change of a row also changes its derived data in the caller's
 * transaction: the search index, the owner's counters and the per-date due counts.
 */
@Singleton
final class SqliteTodoRepository implements TodoRepository {

  private static final String SELECT = "SELECT " + TodoRows.SELECT_LIST + " FROM todos t";

  private final Sql sql;
  private final SearchIndex search;
  private final OwnerCounters counters;
  private final ActiveDueCounts dueCounts;
  private final List<TodoDerivedData> derived;

  SqliteTodoRepository(
      Sql sql, SearchIndex search, OwnerCounters counters, ActiveDueCounts dueCounts) {
    this.sql = sql;
    this.search = search;
    this.counters = counters;
    this.dueCounts = dueCounts;
    this.derived = List.of(search, counters, dueCounts);
  }

  @Override
  public Optional<Todo> findById(TodoId id) {
    return sql.one(SELECT + " WHERE t.id = ?", TodoRows::read, id.toString());
  }

  @Override
  public void insert(Todo todo) {
    sql.update(TodoRows.INSERT, TodoRows.insertValues(todo));
    derived.forEach(data -> data.inserted(todo));
  }

  @Override
  public void update(Todo before, Todo after) {
    if (!after.id().equals(before.id())
        || sql.update(TodoRows.UPDATE, TodoRows.updateValues(before, after)) != 1) {
      throw new IllegalStateException("Stale update of " + before.id());
    }
    derived.forEach(data -> data.updated(before, after));
  }

  @Override
  public void delete(Todo todo) {
    if (findById(todo.id()).isPresent()) {
      derived.forEach(data -> data.deleting(todo));
      sql.update("DELETE FROM todos WHERE id = ?", todo.id().toString());
    }
  }

  @Override
  public long nextPosition(String owner) {
    return sql.number(
        "SELECT min(coalesce(max(position), 0) + 1, ?) FROM todos WHERE owner = ?",
        TodoEdit.MAX_POSITION,
        owner);
  }

  @Override
  public List<Todo> find(
      TodoFilter filter, TodoSort sort, SortDirection direction, PageRequest page) {
    if (filter.matchesNothing()) {
      return List.of();
    }
    var query = TodoListSql.of(filter);
    return sql.list(
        query.pageQuery(sort, direction),
        TodoRows::read,
        Stream.concat(query.parameters().stream(), Stream.of(page.size(), page.offset()))
            .toArray());
  }

  @Override
  public long count(TodoFilter filter) {
    if (filter.matchesNothing()) {
      return 0;
    }
    if (filter.narrowsOnlyByStatus()) {
      var counts = counters.of(filter.owner());
      return switch (filter.status()) {
        case ALL -> counts.todos();
        case COMPLETED -> counts.completed();
        case ACTIVE -> counts.todos() - counts.completed();
      };
    }
    var query = TodoListSql.of(filter);
    return sql.number(query.countQuery(), query.parameters().toArray());
  }

  @Override
  public TodoStats stats(String owner, LocalDate today) {
    var counts = counters.of(owner);
    return new TodoStats(
        counts.todos(),
        counts.completed(),
        dueCounts.overdue(owner, today),
        dueCounts.dueOn(owner, today));
  }

  @Override
  public long setCompleted(String owner, StatusFilter status, boolean completed, Instant now) {
    if (status == StatusFilter.ACTIVE && !completed
        || status == StatusFilter.COMPLETED && completed) {
      return 0;
    }
    long millis = now.toEpochMilli();
    long changed =
        sql.update(
            """
            UPDATE todos SET completed = ?, completed_at = ?, updated_at = max(?, created_at),
                             version = version + 1
            WHERE owner = ? AND completed = ?""",
            completed ? 1 : 0,
            completed ? millis : null,
            millis,
            owner,
            completed ? 0 : 1);
    if (changed > 0) {
      counters.adjust(owner, 0, completed ? changed : -changed);
      dueCounts.recount(owner);
    }
    return changed;
  }

  @Override
  public long deleteAll(String owner, StatusFilter status) {
    var before = counters.of(owner);
    search.deletingAll(owner, status);
    long deleted =
        sql.update("DELETE FROM todos WHERE owner = ?" + StatusCondition.and(status, ""), owner);
    long completedDeleted =
        switch (status) {
          case ALL -> before.completed();
          case ACTIVE -> 0;
          case COMPLETED -> deleted;
        };
    counters.adjust(owner, -deleted, -completedDeleted);
    if (status != StatusFilter.COMPLETED && deleted > 0) {
      dueCounts.recount(owner);
    }
    return deleted;
  }
}

package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
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
 * The to-dos in the database (SQLite or PostgreSQL). Every change of a row also changes its derived
 * data in the caller's transaction: the search index, the lists' counters and the per-date due
 * counts.
 */
@Singleton
final class JdbcTodoRepository implements TodoRepository {

  private static final String SELECT = "SELECT " + TodoRows.SELECT_LIST + " FROM todos t";
  private static final String IN_LIST =
      SELECT + " WHERE t.list_seq = " + TodoColumn.LIST_SEQ + " AND " + TodoListSql.LIVE;

  /** A keyset page of a list's live to-dos: list id, created_at and id of the last, limit. */
  static final String PAGE_IN_LIST_AFTER =
      IN_LIST + " AND (t.created_at, t.id) > (?, ?) ORDER BY t.created_at, t.id LIMIT ?";

  private static final String FIRST_PAGE_IN_LIST = IN_LIST + " ORDER BY t.created_at, t.id LIMIT ?";

  private final Sql sql;
  private final SearchIndex search;
  private final ListCounters counters;
  private final ActiveDueCounts dueCounts;
  private final List<TodoDerivedData> derived;
  private final SyncChanges sync;
  private final DatabaseEngine engine;

  /**
   * @param derived every {@link TodoDerivedData} bean (the three below among them): what a change
   *     of a row is passed to
   */
  JdbcTodoRepository(
      Sql sql,
      SearchIndex search,
      ListCounters counters,
      ActiveDueCounts dueCounts,
      List<TodoDerivedData> derived,
      SyncChanges sync,
      DatabaseEngine engine) {
    this.engine = engine;
    this.sql = sql;
    this.sync = sync;
    this.search = search;
    this.counters = counters;
    this.dueCounts = dueCounts;
    this.derived = List.copyOf(derived);
  }

  @Override
  public Optional<Todo> findById(TodoId id) {
    return sql.one(
        SELECT + " WHERE t.id = ? AND " + TodoListSql.LIVE, TodoRows::read, id.toString());
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
  public void trash(Todo todo, Instant at, String by) {
    if (findById(todo.id()).isPresent()) {
      derived.forEach(data -> data.deleting(todo));
      sql.update(
          "UPDATE todos SET deleted_at = ?, deleted_by = ? WHERE id = ?",
          at.toEpochMilli(),
          by,
          todo.id().toString());
    }
  }

  @Override
  public long nextPosition(ListId list) {
    return Math.min(
        sql.number(
            "SELECT coalesce(max(position), 0) + 1 FROM todos t WHERE t.list_seq = "
                + TodoColumn.LIST_SEQ
                + " AND "
                + TodoListSql.LIVE,
            list.toString()),
        TodoEdit.MAX_POSITION);
  }

  @Override
  public List<Todo> find(
      TodoFilter filter, TodoSort sort, SortDirection direction, PageRequest page) {
    if (filter.matchesNothing()) {
      return List.of();
    }
    var query = TodoListSql.of(filter, engine).page(sort, direction, page);
    return sql.list(query.sql(), TodoRows::read, query.parameters());
  }

  @Override
  public long count(TodoFilter filter) {
    if (filter.matchesNothing()) {
      return 0;
    }
    if (filter.narrowsOnlyByStatus()) {
      var counts = counters.of(filter.lists());
      return switch (filter.status()) {
        case ALL -> counts.todos();
        case COMPLETED -> counts.completed();
        case ACTIVE -> counts.active();
      };
    }
    var query = TodoListSql.of(filter, engine).count();
    return sql.number(query.sql(), query.parameters());
  }

  @Override
  public TodoStats stats(List<ListId> lists, LocalDate today) {
    if (lists.isEmpty()) {
      return new TodoStats(0, 0, 0, 0);
    }
    var counts = counters.of(lists);
    return new TodoStats(
        counts.todos(),
        counts.completed(),
        dueCounts.overdue(lists, today),
        dueCounts.dueOn(lists, today));
  }

  @Override
  public List<Todo> setCompleted(
      List<ListId> lists, StatusFilter status, boolean completed, Instant now, String by) {
    if (lists.isEmpty()
        || status == StatusFilter.ACTIVE && !completed
        || status == StatusFilter.COMPLETED && completed) {
      return List.of();
    }
    String where = " WHERE t.completed = ? AND " + inLiveRows(lists);
    Object[] whereValues =
        Stream.concat(Stream.of(completed ? 0 : 1), Stream.of(ListSeqs.ids(lists))).toArray();
    var changed =
        sql.list(SELECT + where, TodoRows::read, whereValues).stream()
            .map(todo -> todo.withCompleted(completed, now, by))
            .toList();
    if (changed.isEmpty()) {
      return changed;
    }
    long millis = now.toEpochMilli();
    sync.changedAll(lists, where, whereValues);
    sql.update(
        "UPDATE todos AS t SET completed = ?, completed_at = ?, completed_by = ?,"
            + " updated_at = CASE WHEN ? > created_at THEN ? ELSE created_at END,"
            + " version = version + 1"
            + where,
        Stream.concat(
                Stream.of(
                    completed ? 1 : 0,
                    completed ? millis : null,
                    completed ? by : null,
                    millis,
                    millis),
                Stream.of(whereValues))
            .toArray());
    counters.recount(lists);
    dueCounts.recount(lists);
    sync.lists(lists);
    return changed;
  }

  @Override
  public List<Todo> trashAll(List<ListId> lists, StatusFilter status, Instant at, String by) {
    if (lists.isEmpty()) {
      return List.of();
    }
    String where = " WHERE " + inLiveRows(lists) + StatusCondition.and(status, "t.");
    var trashed = sql.list(SELECT + where, TodoRows::read, ListSeqs.ids(lists));
    if (trashed.isEmpty()) {
      return trashed;
    }
    search.deletingAll(lists, status);
    sync.removedAll(lists, where, ListSeqs.ids(lists));
    sql.update(
        "UPDATE todos AS t SET deleted_at = ?, deleted_by = ?" + where,
        Stream.concat(Stream.of(at.toEpochMilli(), by), Stream.of(ListSeqs.ids(lists))).toArray());
    counters.recount(lists);
    dueCounts.recount(lists);
    sync.lists(lists);
    return trashed;
  }

  /** Keyset pages on {@code todos_by_list_created}, whatever the list's size. */
  @Override
  public List<Todo> findInList(ListId list, Optional<Todo> after, int limit) {
    if (after.isEmpty()) {
      return sql.list(FIRST_PAGE_IN_LIST, TodoRows::read, list.toString(), limit);
    }
    return sql.list(
        PAGE_IN_LIST_AFTER,
        TodoRows::read,
        list.toString(),
        after.get().createdAt().toEpochMilli(),
        after.get().id().toString(),
        limit);
  }

  /**
   * One statement over the whole table (no index holds these columns): an account's erasure is
   * rare, and its to-dos in other users' lists can be anywhere, even in lists they have left. No
   * derived data holds these columns; the version stays (the to-dos' own content is unchanged).
   */
  @Override
  public long forgetUser(String user) {
    String naming = " WHERE ? IN (t.created_by, t.completed_by, t.deleted_by)";
    sync.changedTodosWhere(naming, user);
    return sql.update(
        "UPDATE todos AS t SET created_by = nullif(created_by, ?),"
            + " completed_by = nullif(completed_by, ?), deleted_by = nullif(deleted_by, ?)"
            + naming,
        user,
        user,
        user,
        user);
  }

  /** The live rows of the lists, of the table aliased {@code t}. */
  private static String inLiveRows(List<ListId> lists) {
    return ListSeqs.in("t.list_seq", lists) + " AND " + TodoListSql.LIVE;
  }
}

package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoSort;
import dev.todo.domain.todo.TodoStats;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The to-dos in SQLite. Keeps the search index ({@code todo_search}) and the owner's counters
 * ({@code users.todo_count}, {@code users.completed_count}) exact in the caller's transaction.
 */
@Singleton
final class SqliteTodoRepository implements TodoRepository {

  private final TodoRowRepository rows;
  private final UserRowRepository users;
  private final JdbcOperations jdbc;
  private final CachedStatements statements;

  SqliteTodoRepository(
      TodoRowRepository rows,
      UserRowRepository users,
      JdbcOperations jdbc,
      CachedStatements statements) {
    this.rows = rows;
    this.users = users;
    this.jdbc = jdbc;
    this.statements = statements;
  }

  @Override
  public Optional<Todo> findById(TodoId id) {
    return rows.findByPublicId(id.toString()).map(TodoMapper::toDomain);
  }

  @Override
  public void insert(Todo todo) {
    TodoRow saved = rows.save(TodoMapper.toRow(null, todo));
    index(saved);
    users.adjustCounts(todo.owner(), 1, todo.completed() ? 1 : 0);
    countActiveDue(saved, 1);
  }

  @Override
  public void update(Todo todo) {
    TodoRow stored =
        rows.findByPublicId(todo.id().toString())
            .filter(row -> row.version() == todo.version() - 1)
            .orElseThrow(() -> new IllegalStateException("Stale update of " + todo.id()));
    TodoRow next = TodoMapper.toRow(stored.seq(), todo);
    long updated =
        rows.updateNextVersion(
            stored.seq(),
            next.title(),
            next.titleSort(),
            next.notes(),
            next.completed(),
            next.completedAt(),
            next.dueDate(),
            next.priority(),
            next.position(),
            next.updatedAt(),
            next.version());
    if (updated != 1) {
      throw new IllegalStateException("Stale update of " + todo.id());
    }
    if (!stored.title().equals(next.title())
        || !java.util.Objects.equals(stored.notes(), next.notes())) {
      unindex(stored.seq());
      index(next);
    }
    if (stored.completed() != next.completed()) {
      users.adjustCounts(todo.owner(), 0, next.completed() ? 1 : -1);
    }
    if (stored.completed() != next.completed()
        || !java.util.Objects.equals(stored.dueDate(), next.dueDate())) {
      countActiveDue(stored, -1);
      countActiveDue(next, 1);
    }
  }

  @Override
  public void delete(Todo todo) {
    rows.findByPublicId(todo.id().toString())
        .ifPresent(
            row -> {
              unindex(row.seq());
              rows.deleteById(row.seq());
              users.adjustCounts(row.owner(), -1, row.completed() ? -1 : 0);
              countActiveDue(row, -1);
            });
  }

  @Override
  public long nextPosition(String owner) {
    return rows.nextPosition(owner);
  }

  @Override
  public List<Todo> find(
      TodoFilter filter, TodoSort sort, SortDirection direction, PageRequest page) {
    var sql = TodoListSql.of(filter);
    return statements.run(
        sql.pageQuery(sort, direction),
        statement -> {
          int next = bind(statement, sql.parameters());
          statement.setInt(next, page.size());
          statement.setLong(next + 1, page.offset());
          try (var result = statement.executeQuery()) {
            var todos = new ArrayList<Todo>(page.size());
            while (result.next()) {
              todos.add(TodoMapper.toDomain(TodoRowReader.read(result)));
            }
            return todos;
          }
        });
  }

  @Override
  public long count(TodoFilter filter) {
    if (filter.narrowsOnlyByStatus()) {
      var counts = counts(filter.owner());
      return switch (filter.status()) {
        case ALL -> counts.todoCount();
        case COMPLETED -> counts.completedCount();
        case ACTIVE -> counts.todoCount() - counts.completedCount();
      };
    }
    var sql = TodoListSql.of(filter);
    return statements.run(
        sql.countQuery(),
        statement -> {
          bind(statement, sql.parameters());
          try (var result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
          }
        });
  }

  @Override
  public TodoStats stats(String owner, LocalDate today) {
    var counts = counts(owner);
    String day = TodoListSql.today(today);
    return new TodoStats(
        counts.todoCount(),
        counts.completedCount(),
        rows.countOverdue(owner, day),
        rows.countDueOn(owner, day));
  }

  @Override
  public long setCompleted(String owner, StatusFilter status, boolean completed, Instant now) {
    if (status == StatusFilter.ACTIVE && !completed
        || status == StatusFilter.COMPLETED && completed) {
      return 0;
    }
    long millis = now.toEpochMilli();
    long changed =
        jdbc.prepareStatement(
            """
            UPDATE todos SET completed = ?, completed_at = ?, updated_at = max(?, created_at),
                             version = version + 1
            WHERE owner = ? AND completed = ?""",
            statement -> {
              statement.setInt(1, completed ? 1 : 0);
              if (completed) {
                statement.setLong(2, millis);
              } else {
                statement.setNull(2, java.sql.Types.INTEGER);
              }
              statement.setLong(3, millis);
              statement.setString(4, owner);
              statement.setInt(5, completed ? 0 : 1);
              return (long) statement.executeUpdate();
            });
    users.adjustCounts(owner, 0, completed ? changed : -changed);
    if (changed > 0) {
      rows.clearActiveDue(owner);
      rows.recountActiveDue(owner);
    }
    return changed;
  }

  @Override
  public long deleteAll(String owner, StatusFilter status) {
    String which = status == StatusFilter.COMPLETED ? " AND completed = 1" : "";
    execute(
        "DELETE FROM todo_search WHERE rowid IN (SELECT seq FROM todos WHERE owner = ?"
            + which
            + ")",
        owner);
    long deleted = execute("DELETE FROM todos WHERE owner = ?" + which, owner);
    var counts = counts(owner);
    if (status == StatusFilter.COMPLETED) {
      users.adjustCounts(owner, -deleted, -deleted);
    } else {
      users.adjustCounts(owner, -counts.todoCount(), -counts.completedCount());
      rows.clearActiveDue(owner);
    }
    return deleted;
  }

  /**
   * Keeps {@code active_due_counts} in step: a row counts while it is active and has a due date.
   */
  private void countActiveDue(TodoRow row, int delta) {
    if (!row.completed() && row.dueDate() != null) {
      if (delta > 0) {
        rows.incrementActiveDue(row.owner(), row.dueDate());
      } else {
        rows.decrementActiveDue(row.owner(), row.dueDate());
      }
    }
  }

  /** The owner's counters; zero for an owner without a row (never wrote). */
  private OwnerCounts counts(String owner) {
    return statements.run(
        "SELECT todo_count, completed_count FROM users WHERE sub = ?",
        statement -> {
          statement.setString(1, owner);
          try (var result = statement.executeQuery()) {
            return result.next()
                ? new OwnerCounts(result.getLong(1), result.getLong(2))
                : new OwnerCounts(0, 0);
          }
        });
  }

  private record OwnerCounts(long todoCount, long completedCount) {}

  private void index(TodoRow row) {
    statements.run(
        "INSERT INTO todo_search (rowid, title, notes) VALUES (?, ?, ?)",
        statement -> {
          statement.setLong(1, row.seq());
          statement.setString(2, row.title());
          statement.setString(3, row.notes());
          return statement.executeUpdate();
        });
  }

  private void unindex(long seq) {
    statements.run(
        "DELETE FROM todo_search WHERE rowid = ?",
        statement -> {
          statement.setLong(1, seq);
          return statement.executeUpdate();
        });
  }

  private long execute(String sql, Object... parameters) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, List.of(parameters));
          return (long) statement.executeUpdate();
        });
  }

  private static int bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    int index = 1;
    for (Object parameter : parameters) {
      statement.setObject(index++, parameter);
    }
    return index;
  }
}

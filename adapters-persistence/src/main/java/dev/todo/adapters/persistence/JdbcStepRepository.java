package dev.todo.adapters.persistence;

import static dev.todo.adapters.persistence.StepColumn.COMPLETED;
import static dev.todo.adapters.persistence.StepColumn.CREATED_AT;
import static dev.todo.adapters.persistence.StepColumn.ID;
import static dev.todo.adapters.persistence.StepColumn.POSITION;
import static dev.todo.adapters.persistence.StepColumn.TITLE;
import static dev.todo.adapters.persistence.StepColumn.TODO;
import static dev.todo.adapters.persistence.StepColumn.UPDATED_AT;

import dev.todo.domain.port.out.StepRepository;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepId;
import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps in the database (SQLite or PostgreSQL). Rows reference their to-do by its {@code seq}:
 * they move with it to another list and go with it (a cascading foreign key). The to-do's counters
 * move with each insert, change and delete in the caller's transaction ({@link StepCounters}).
 */
@Singleton
final class JdbcStepRepository implements StepRepository {

  private static final TableSql<Step> TABLE =
      new TableSql<>("steps", "s", List.of(StepColumn.values()));

  /** Every column of {@code steps s}, in {@link StepColumn} order: what {@link #read} reads. */
  static final String SELECT_LIST = TABLE.selectList;

  private static final String SELECT = "SELECT " + SELECT_LIST + " FROM steps s";

  /** A to-do's steps in order, read along {@code steps_by_todo_position}. */
  static final String BY_TODO =
      SELECT
          + " WHERE s.todo_seq = "
          + StepColumn.TODO_SEQ
          + " ORDER BY s.position, s.created_at, s.id";

  /** One past the to-do's highest position (1 for its first step). */
  static final String NEXT_POSITION =
      "SELECT coalesce(max(position), 0) + 1 FROM steps WHERE todo_seq = " + StepColumn.TODO_SEQ;

  private final Sql sql;
  private final StepCounters counters;
  private final SyncChanges sync;

  JdbcStepRepository(Sql sql, StepCounters counters, SyncChanges sync) {
    this.sql = sql;
    this.counters = counters;
    this.sync = sync;
  }

  @Override
  public Optional<Step> findById(StepId id) {
    return sql.one(SELECT + " WHERE s.id = ?", JdbcStepRepository::read, id.toString());
  }

  @Override
  public List<Step> findByTodo(TodoId todoId) {
    return sql.list(BY_TODO, JdbcStepRepository::read, todoId.toString());
  }

  @Override
  public long nextPosition(TodoId todoId) {
    return Math.min(sql.number(NEXT_POSITION, todoId.toString()), TodoEdit.MAX_POSITION);
  }

  @Override
  public void insert(Step step) {
    sql.update(TABLE.insert, TABLE.insertValues(step));
    counters.inserted(step);
    sync.step(step.id());
    sync.todo(step.todoId());
  }

  @Override
  public void update(Step before, Step after) {
    if (!after.id().equals(before.id()) || !after.todoId().equals(before.todoId())) {
      throw new IllegalStateException("An update keeps the step's id and to-do: " + before.id());
    }
    counters.updating(after);
    if (sql.update(TABLE.updateById, TABLE.updateByIdValues(after, after.id().toString())) != 1) {
      throw new IllegalStateException("No step " + before.id() + " to update");
    }
    sync.step(after.id());
    if (before.completed() != after.completed()) {
      sync.todo(after.todoId());
    }
  }

  @Override
  public void delete(Step step) {
    if (findById(step.id()).isPresent()) {
      counters.deleting(step.id());
      sync.removing(step.id());
      sync.todo(step.todoId());
      sql.update("DELETE FROM steps WHERE id = ?", step.id().toString());
    }
  }

  static Step read(ResultSet row) throws SQLException {
    return new Step(
        new StepId(UUID.fromString(row.getString(ID.index()))),
        new TodoId(UUID.fromString(row.getString(TODO.index()))),
        new Title(row.getString(TITLE.index())),
        row.getInt(COMPLETED.index()) != 0,
        row.getLong(POSITION.index()),
        Instant.ofEpochMilli(row.getLong(CREATED_AT.index())),
        Instant.ofEpochMilli(row.getLong(UPDATED_AT.index())));
  }
}

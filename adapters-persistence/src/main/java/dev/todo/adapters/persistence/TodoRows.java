package dev.todo.adapters.persistence;

import static dev.todo.adapters.persistence.TodoColumn.ATTACHMENT_COUNT;
import static dev.todo.adapters.persistence.TodoColumn.COMPLETED;
import static dev.todo.adapters.persistence.TodoColumn.COMPLETED_AT;
import static dev.todo.adapters.persistence.TodoColumn.COMPLETED_BY;
import static dev.todo.adapters.persistence.TodoColumn.CREATED_AT;
import static dev.todo.adapters.persistence.TodoColumn.CREATED_BY;
import static dev.todo.adapters.persistence.TodoColumn.DUE_DATE;
import static dev.todo.adapters.persistence.TodoColumn.ID;
import static dev.todo.adapters.persistence.TodoColumn.LIST;
import static dev.todo.adapters.persistence.TodoColumn.NOTES;
import static dev.todo.adapters.persistence.TodoColumn.POSITION;
import static dev.todo.adapters.persistence.TodoColumn.PRIORITY;
import static dev.todo.adapters.persistence.TodoColumn.STEPS_COMPLETED;
import static dev.todo.adapters.persistence.TodoColumn.STEP_COUNT;
import static dev.todo.adapters.persistence.TodoColumn.TITLE;
import static dev.todo.adapters.persistence.TodoColumn.UPDATED_AT;
import static dev.todo.adapters.persistence.TodoColumn.VERSION;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.Notes;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of one to-do row, made from {@link TodoColumn}: the select list, the insert and the
 * versioned update with their parameters, and the reader that turns a selected row into a {@link
 * Todo}.
 */
final class TodoRows {

  private static final TableSql<Todo> TABLE =
      new TableSql<>("todos", "t", List.of(TodoColumn.values()));

  /** Every column, in {@link TodoColumn} order, of the table aliased {@code t}. */
  static final String SELECT_LIST = TABLE.selectList;

  static final String INSERT = TABLE.insert;

  /** Writes the updated columns of the version before, found by id and version. */
  static final String UPDATE = TABLE.update;

  private TodoRows() {}

  static Object[] insertValues(Todo todo) {
    return TABLE.insertValues(todo);
  }

  static Object[] updateValues(Todo before, Todo after) {
    return TABLE.updateValues(after, before.id().toString(), before.version());
  }

  /** A row selected with {@link #SELECT_LIST} at the start of the select. */
  static Todo read(ResultSet row) throws SQLException {
    boolean completed = row.getInt(COMPLETED.index()) != 0;
    return Todo.builder()
        .id(new TodoId(UUID.fromString(row.getString(ID.index()))))
        .listId(new ListId(UUID.fromString(row.getString(LIST.index()))))
        .createdBy(Optional.ofNullable(row.getString(CREATED_BY.index())))
        .title(new Title(row.getString(TITLE.index())))
        .notes(Optional.ofNullable(row.getString(NOTES.index())).map(Notes::new))
        .completed(completed, instant(row, COMPLETED_AT))
        .completedBy(Optional.ofNullable(row.getString(COMPLETED_BY.index())))
        .dueDate(Optional.ofNullable(row.getString(DUE_DATE.index())).map(LocalDate::parse))
        .priority(Priority.ofRank(row.getInt(PRIORITY.index())))
        .position(row.getLong(POSITION.index()))
        .attachmentCount(row.getInt(ATTACHMENT_COUNT.index()))
        .steps(row.getInt(STEP_COUNT.index()), row.getInt(STEPS_COMPLETED.index()))
        .createdAt(Instant.ofEpochMilli(row.getLong(CREATED_AT.index())))
        .updatedAt(Instant.ofEpochMilli(row.getLong(UPDATED_AT.index())))
        .version(row.getLong(VERSION.index()))
        .build();
  }

  private static Optional<Instant> instant(ResultSet row, TodoColumn column) throws SQLException {
    long millis = row.getLong(column.index());
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}

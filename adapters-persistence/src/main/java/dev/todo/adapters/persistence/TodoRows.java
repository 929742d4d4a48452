package dev.todo.adapters.persistence;

import static dev.todo.adapters.persistence.TodoColumn.ATTACHMENT_COUNT;
import static dev.todo.adapters.persistence.TodoColumn.COMPLETED;
import static dev.todo.adapters.persistence.TodoColumn.COMPLETED_AT;
import static dev.todo.adapters.persistence.TodoColumn.CREATED_AT;
import static dev.todo.adapters.persistence.TodoColumn.DUE_DATE;
import static dev.todo.adapters.persistence.TodoColumn.ID;
import static dev.todo.adapters.persistence.TodoColumn.NOTES;
import static dev.todo.adapters.persistence.TodoColumn.OWNER;
import static dev.todo.adapters.persistence.TodoColumn.POSITION;
import static dev.todo.adapters.persistence.TodoColumn.PRIORITY;
import static dev.todo.adapters.persistence.TodoColumn.TITLE;
import static dev.todo.adapters.persistence.TodoColumn.UPDATED_AT;
import static dev.todo.adapters.persistence.TodoColumn.VERSION;

import dev.todo.domain.todo.Notes;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL of one to-do row, made from {@link TodoColumn}: the select list, the insert and the
 * versioned update with their parameters, and the reader that turns a selected row into a {@link
 * Todo}.
 */
final class TodoRows {

  /** Every column, in {@link TodoColumn} order, of the table aliased {@code t}. */
  static final String SELECT_LIST =
      Arrays.stream(TodoColumn.values())
          .map(column -> "t." + column.column)
          .collect(Collectors.joining(", "));

  static final String INSERT =
      "INSERT INTO todos ("
          + Arrays.stream(TodoColumn.values())
              .map(column -> column.column)
              .collect(Collectors.joining(", "))
          + ") VALUES ("
          + "?, ".repeat(TodoColumn.values().length - 1)
          + "?)";

  /** Writes the updated columns of the version before, found by id and version. */
  static final String UPDATE =
      "UPDATE todos SET "
          + updated().map(column -> column.column + " = ?").collect(Collectors.joining(", "))
          + " WHERE id = ? AND version = ?";

  private TodoRows() {}

  static Object[] insertValues(Todo todo) {
    return Arrays.stream(TodoColumn.values()).map(column -> column.valueOf(todo)).toArray();
  }

  static Object[] updateValues(Todo before, Todo after) {
    return Stream.concat(
            updated().map(column -> column.valueOf(after)),
            Stream.of(before.id().toString(), before.version()))
        .toArray();
  }

  /** A row selected with {@link #SELECT_LIST} at the start of the select. */
  static Todo read(ResultSet row) throws SQLException {
    boolean completed = row.getInt(COMPLETED.index()) != 0;
    return Todo.builder()
        .id(new TodoId(UUID.fromString(row.getString(ID.index()))))
        .owner(row.getString(OWNER.index()))
        .title(new Title(row.getString(TITLE.index())))
        .notes(Optional.ofNullable(row.getString(NOTES.index())).map(Notes::new))
        .completed(completed, instant(row, COMPLETED_AT))
        .dueDate(Optional.ofNullable(row.getString(DUE_DATE.index())).map(LocalDate::parse))
        .priority(Priority.ofRank(row.getInt(PRIORITY.index())))
        .position(row.getLong(POSITION.index()))
        .attachmentCount(row.getInt(ATTACHMENT_COUNT.index()))
        .createdAt(Instant.ofEpochMilli(row.getLong(CREATED_AT.index())))
        .updatedAt(Instant.ofEpochMilli(row.getLong(UPDATED_AT.index())))
        .version(row.getLong(VERSION.index()))
        .build();
  }

  private static Stream<TodoColumn> updated() {
    return Arrays.stream(TodoColumn.values()).filter(TodoColumn::isUpdated);
  }

  private static Optional<Instant> instant(ResultSet row, TodoColumn column) throws SQLException {
    long millis = row.getLong(column.index());
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}

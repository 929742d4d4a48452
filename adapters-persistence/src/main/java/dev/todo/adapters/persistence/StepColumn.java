package dev.todo.adapters.persistence;

import dev.todo.domain.step.Step;

/**
 * The columns of {@code steps}, listed once (see {@link Column}). Times are epoch milliseconds; the
 * to-do is stored as its row's {@code seq} (so the step moves with the row) and read and written by
 * its public id.
 */
enum StepColumn implements Column<Step> {
  ID("id"),
  TODO("todo_seq"),
  TITLE("title"),
  COMPLETED("completed"),
  POSITION("position"),
  CREATED_AT("created_at"),
  UPDATED_AT("updated_at");

  /** The {@code seq} of the to-do with the id given as parameter. */
  static final String TODO_SEQ = "(SELECT seq FROM todos WHERE id = ?)";

  private final String column;

  StepColumn(String column) {
    this.column = column;
  }

  @Override
  public String column() {
    return column;
  }

  @Override
  public String parameter() {
    return this == TODO ? TODO_SEQ : "?";
  }

  @Override
  public String selected(String alias) {
    return this == TODO
        ? "(SELECT id FROM todos WHERE seq = " + alias + ".todo_seq)"
        : alias + "." + column;
  }

  @Override
  public Object valueOf(Step step) {
    return switch (this) {
      case ID -> step.id().toString();
      case TODO -> step.todoId().toString();
      case TITLE -> step.title().value();
      case COMPLETED -> step.completed() ? 1 : 0;
      case POSITION -> step.position();
      case CREATED_AT -> step.createdAt().toEpochMilli();
      case UPDATED_AT -> step.updatedAt().toEpochMilli();
    };
  }

  /** An update writes the step's own fields: not its identity, its to-do or its creation time. */
  @Override
  public boolean isUpdated() {
    return switch (this) {
      case TITLE, COMPLETED, POSITION, UPDATED_AT -> true;
      case ID, TODO, CREATED_AT -> false;
    };
  }
}

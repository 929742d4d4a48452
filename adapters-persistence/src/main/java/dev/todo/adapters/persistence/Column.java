package dev.todo.adapters.persistence;

/**
 * A column of a table whose rows store values of {@code T}: its name, what it holds of a {@code T}
 * and whether a versioned update writes it. A table lists its columns once, as an enum of these;
 * {@link TableSql} derives its statements from that list.
 */
interface Column<T> {

  String column();

  Object valueOf(T value);

  boolean isUpdated();

  int ordinal();

  /** Its position in a row selected with {@link TableSql#selectList}, from 1. */
  default int index() {
    return ordinal() + 1;
  }
}

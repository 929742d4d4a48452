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

  /** What stands for the column's parameter in an insert or update: a value, or a lookup of it. */
  default String parameter() {
    return "?";
  }

  /** What a select reads for the column from the row aliased {@code alias}. */
  default String selected(String alias) {
    return alias + "." + column();
  }

  int ordinal();

  /** Its position in a row selected with {@link TableSql#selectList}, from 1. */
  default int index() {
    return ordinal() + 1;
  }
}

package dev.todo.adapters.persistence;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statements of one table's rows, made from its column list: the select list (in column order,
 * so a reader reads by position), the insert, and the update of the version before (found by {@code
 * id} and {@code version}), each with its parameters.
 */
final class TableSql<T> {

  private final List<? extends Column<T>> columns;
  private final List<? extends Column<T>> updated;

  /** Every column, in order, of the table under {@code alias}. */
  final String selectList;

  final String insert;
  final String update;

  TableSql(String table, String alias, List<? extends Column<T>> columns) {
    this.columns = List.copyOf(columns);
    this.updated = columns.stream().filter(Column::isUpdated).toList();
    this.selectList =
        columns.stream().map(c -> c.selected(alias)).collect(Collectors.joining(", "));
    this.insert =
        "INSERT INTO "
            + table
            + " ("
            + columns.stream().map(Column::column).collect(Collectors.joining(", "))
            + ") VALUES ("
            + columns.stream().map(Column::parameter).collect(Collectors.joining(", "))
            + ")";
    this.update =
        "UPDATE "
            + table
            + " SET "
            + updated.stream()
                .map(c -> c.column() + " = " + c.parameter())
                .collect(Collectors.joining(", "))
            + " WHERE id = ? AND version = ?";
  }

  Object[] insertValues(T row) {
    return columns.stream().map(column -> column.valueOf(row)).toArray();
  }

  /** The updated columns of {@code after}, then the id and the version it replaces. */
  Object[] updateValues(T after, Object id, long versionBefore) {
    return Stream.concat(
            updated.stream().map(column -> column.valueOf(after)), Stream.of(id, versionBefore))
        .toArray();
  }
}

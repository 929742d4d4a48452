package dev.todo.adapters.persistence;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The statements of one table's rows, made from its column list: the select list (in column order,
 * so a reader reads by position), the insert, and the update of the version before (found by {@code
 * id} and {@code version}; for a table without versions, by {@code id} alone), each with its
 * parameters.
 */
final class TableSql<T> {

  private final List<? extends Column<T>> columns;
  private final List<? extends Column<T>> updated;

  /** Every column, in order, of the table under {@code alias}. */
  final String selectList;

  final String insert;
  final String update;

  /** The update of a row found by its {@code id} alone: for a table whose rows have no version. */
  final String updateById;

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
    String set =
        "UPDATE "
            + table
            + " SET "
            + updated.stream()
                .map(c -> c.column() + " = " + c.parameter())
                .collect(Collectors.joining(", "));
    this.update = set + " WHERE id = ? AND version = ?";
    this.updateById = set + " WHERE id = ?";
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

  /** The updated columns of {@code after}, then its id: the parameters of {@link #updateById}. */
  Object[] updateByIdValues(T after, Object id) {
    return Stream.concat(updated.stream().map(column -> column.valueOf(after)), Stream.of(id))
        .toArray();
  }
}

package dev.todo.adapters.persistence;

import dev.todo.domain.todo.StatusFilter;

/** The SQL condition of a status filter on a {@code todos} row, to append after a WHERE clause. */
final class StatusCondition {

  private StatusCondition() {}

  /** {@code ""}, or {@code " AND <alias>completed = 0|1"}. */
  static String and(StatusFilter status, String alias) {
    return switch (status) {
      case ALL -> "";
      case ACTIVE -> " AND " + alias + "completed = 0";
      case COMPLETED -> " AND " + alias + "completed = 1";
    };
  }
}

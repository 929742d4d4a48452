package dev.todo.adapters.persistence;

import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of a list query: a WHERE clause that starts with the owner and an ORDER BY that matches
 * one of the {@code todos_by_owner_*} indexes, so that a page is read in index order.
 */
record TodoListSql(String from, String where, List<Object> parameters) {

  /** Trigram search needs at least three characters; shorter text falls back to LIKE. */
  static final int TRIGRAM = 3;

  private static final String TODOS = "todos t";

  /**
   * A search reads the (usually few) matching rows from the trigram index first and joins them to
   * their to-dos, rather than walking the owner's whole list in order and probing each row.
   */
  private static final String SEARCH_THEN_TODOS =
      "todo_search CROSS JOIN todos t ON t.seq = todo_search.rowid";

  static TodoListSql of(TodoFilter filter) {
    var where = new StringBuilder();
    var parameters = new ArrayList<Object>();
    String from = TODOS;
    if (filter.text().filter(TodoListSql::usesTrigrams).isPresent()) {
      from = SEARCH_THEN_TODOS;
      where.append("todo_search MATCH ? AND ");
      parameters.add(phrase(filter.text().get()));
    }
    where.append("t.owner = ?");
    parameters.add(filter.owner());
    if (filter.status() != StatusFilter.ALL) {
      where.append(" AND t.completed = ?");
      parameters.add(filter.status() == StatusFilter.COMPLETED ? 1 : 0);
    }
    filter
        .priority()
        .ifPresent(
            priority -> {
              where.append(" AND t.priority = ?");
              parameters.add(priority.rank());
            });
    filter
        .dueBefore()
        .ifPresent(
            date -> {
              where.append(" AND t.due_date <= ?");
              parameters.add(date.toString());
            });
    filter
        .dueAfter()
        .ifPresent(
            date -> {
              where.append(" AND t.due_date >= ?");
              parameters.add(date.toString());
            });
    filter
        .text()
        .filter(text -> !usesTrigrams(text))
        .ifPresent(text -> appendLike(text, where, parameters));
    return new TodoListSql(from, where.toString(), List.copyOf(parameters));
  }

  private static boolean usesTrigrams(String text) {
    return text.codePointCount(0, text.length()) >= TRIGRAM;
  }

  /** Fewer than three characters: no trigram to look up, so a LIKE over the owner's rows. */
  private static void appendLike(String text, StringBuilder where, List<Object> parameters) {
    String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
    where.append(" AND (t.title_sort LIKE ? ESCAPE '\\' OR t.notes LIKE ? ESCAPE '\\')");
    parameters.add(pattern);
    parameters.add(pattern);
  }

  /** An FTS5 string: the text taken literally, as one phrase (a substring, with trigrams). */
  static String phrase(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static String orderBy(TodoSort sort, SortDirection direction) {
    String d = direction == SortDirection.ASC ? " ASC" : " DESC";
    String ties = "t.created_at" + d + ", t.id" + d;
    return switch (sort) {
      case POSITION -> "t.position" + d + ", " + ties;
      case CREATED_AT -> ties;
      case UPDATED_AT -> "t.updated_at" + d + ", " + ties;
      case PRIORITY -> "t.priority" + d + ", " + ties;
      case TITLE -> "t.title_sort" + d + ", " + ties;
      case DUE_DATE -> "t.due_date IS NULL, t.due_date" + d + ", " + ties;
    };
  }

  /** One page in the given order; the page size and offset are the last two parameters. */
  String pageQuery(TodoSort sort, SortDirection direction) {
    return "SELECT "
        + TodoRows.SELECT_LIST
        + " FROM "
        + from
        + " WHERE "
        + where
        + " ORDER BY "
        + orderBy(sort, direction)
        + " LIMIT ? OFFSET ?";
  }

  String countQuery() {
    return "SELECT count(*) FROM " + from + " WHERE " + where;
  }
}

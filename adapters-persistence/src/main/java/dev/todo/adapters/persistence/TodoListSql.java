package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Text;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoSort;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a list query over one or more lists. Every read of one list's rows starts with its
 * {@code list_seq} and orders as one of the {@code todos_by_list_*} indexes does, so that a page is
 * read in index order. A page across several lists merges one such read per list (each at most
 * {@code offset + size} keys read from the index), then reads only the page's rows whole, since no
 * single index holds their rows in one order; a search, which matches few rows, and a caller with
 * very many lists read the matching rows of all the lists and sort them.
 */
final class TodoListSql {

  /** Trigram search needs at least three characters; shorter text falls back to LIKE. */
  static final int TRIGRAM = 3;

  /** Beyond this many lists, one merged read per list costs more than it saves. */
  static final int MAX_MERGED_LISTS = 64;

  private static final String TODOS = "todos t";

  /**
   * A search reads the (usually few) matching rows from the trigram index first and joins them to
   * their to-dos by rowid, rather than walking the lists in order and probing each row ({@code NOT
   * INDEXED}: the partial list indexes match the live condition, and the planner would walk one).
   */
  private static final String SEARCH_THEN_TODOS =
      "todo_search CROSS JOIN todos t NOT INDEXED ON t.seq = todo_search.rowid";

  /** The condition of a to-do in its list, not in the trash: that of the partial indexes. */
  static final String LIVE = "t.deleted_at IS NULL";

  /** An SQL statement with its parameters. */
  record Query(String sql, Object[] parameters) {}

  private final TodoFilter filter;
  private final DatabaseEngine engine;
  private final boolean searchesTrigrams;
  private final String from;

  /** The conditions other than the list, with their parameters. */
  private final String conditions;

  private final List<Object> conditionParameters;

  private TodoListSql(TodoFilter filter, DatabaseEngine engine) {
    this.filter = filter;
    this.engine = engine;
    this.searchesTrigrams =
        engine == DatabaseEngine.SQLITE
            && filter.text().filter(TodoListSql::usesTrigrams).isPresent();
    this.from = searchesTrigrams ? SEARCH_THEN_TODOS : TODOS;
    var where = new StringBuilder(" AND " + LIVE);
    var parameters = new ArrayList<Object>();
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
        .filter(text -> !searchesTrigrams)
        .ifPresent(text -> appendLike(text, where, parameters));
    this.conditions = where.toString();
    this.conditionParameters = List.copyOf(parameters);
  }

  static TodoListSql of(TodoFilter filter) {
    return of(filter, DatabaseEngine.SQLITE);
  }

  static TodoListSql of(TodoFilter filter, DatabaseEngine engine) {
    return new TodoListSql(filter, engine);
  }

  /** One page in the given order. */
  Query page(TodoSort sort, SortDirection direction, PageRequest page) {
    List<ListId> lists = filter.lists();
    String order = " ORDER BY " + orderBy("t", sort, direction);
    if (lists.size() == 1 || searchesTrigrams || lists.size() > MAX_MERGED_LISTS) {
      var parameters = new ArrayList<>(where(lists));
      parameters.add(page.size());
      parameters.add(page.offset());
      return new Query(
          select() + " WHERE " + listCondition(lists) + conditions + order + " LIMIT ? OFFSET ?",
          parameters.toArray());
    }
    var branches = new ArrayList<String>();
    var parameters = new ArrayList<>();
    for (ListId list : lists) {
      branches.add(
          "SELECT * FROM (SELECT "
              + sortKeys(sort)
              + " FROM "
              + from
              + " WHERE "
              + listCondition(List.of(list))
              + conditions
              + order
              + " LIMIT ?) AS branch"
              + branches.size());
      parameters.addAll(where(List.of(list)));
      parameters.add(page.offset() + page.size());
    }
    parameters.add(page.size());
    parameters.add(page.offset());
    return new Query(
        select()
            + " JOIN (SELECT seq FROM ("
            + String.join(" UNION ALL ", branches)
            + ") merged ORDER BY "
            + orderBy("merged", sort, direction)
            + " LIMIT ? OFFSET ?) page ON t.seq = page.seq"
            + order,
        parameters.toArray());
  }

  /**
   * What a branch of a page across lists reads of each row: its key and the columns of the order,
   * all in the sort's index, so that only the page's own rows are read whole.
   */
  private static String sortKeys(TodoSort sort) {
    String key =
        switch (sort) {
          case POSITION -> "t.position, ";
          case CREATED_AT -> "";
          case UPDATED_AT -> "t.updated_at, ";
          case PRIORITY -> "t.priority, ";
          case TITLE -> "t.title_sort, ";
          case DUE_DATE -> "t.due_date, ";
        };
    return "t.seq, " + key + "t.created_at, t.id";
  }

  Query count() {
    List<ListId> lists = filter.lists();
    return new Query(
        "SELECT count(*) FROM " + from + " WHERE " + listCondition(lists) + conditions,
        where(lists).toArray());
  }

  private String select() {
    return "SELECT " + TodoRows.SELECT_LIST + " FROM " + from;
  }

  /** The search's phrase first (when it uses the index), then the lists, then the conditions. */
  private List<Object> where(List<ListId> lists) {
    var parameters = new ArrayList<>();
    if (searchesTrigrams) {
      parameters.add(phrase(filter.text().orElseThrow()));
    }
    parameters.addAll(List.of(ListSeqs.ids(lists)));
    parameters.addAll(conditionParameters);
    return parameters;
  }

  private String listCondition(List<ListId> lists) {
    String search = searchesTrigrams ? "todo_search MATCH ? AND " : "";
    return search
        + (lists.size() == 1
            ? "t.list_seq = " + TodoColumn.LIST_SEQ
            : ListSeqs.in("t.list_seq", lists));
  }

  private static boolean usesTrigrams(String text) {
    return text.codePointCount(0, text.length()) >= TRIGRAM;
  }

  /**
   * A LIKE over the lists' rows: on SQLite for fewer than three characters (no trigram to look up
   * in FTS5), on PostgreSQL always (the trigram indexes on {@code title_sort} and {@code
   * notes_fold} serve it). Both columns hold the text case-folded by the application, so that case
   * is ignored beyond ASCII on both engines.
   */
  private void appendLike(String text, StringBuilder where, List<Object> parameters) {
    String pattern = "%" + escapeLike(Text.caseFolded(text)) + "%";
    where.append(" AND (t.title_sort LIKE ? ESCAPE '\\' OR t.notes_fold LIKE ? ESCAPE '\\')");
    parameters.add(pattern);
    parameters.add(pattern);
  }

  /** An FTS5 string: the text taken literally, as one phrase (a substring, with trigrams). */
  static String phrase(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /** The text as a LIKE pattern matches it literally (with {@code ESCAPE '\\'}). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** The order of a sort on the rows aliased {@code a}, ending with the tie-breakers. */
  static String orderBy(String a, TodoSort sort, SortDirection direction) {
    String d = direction == SortDirection.ASC ? " ASC" : " DESC";
    String ties = a + ".created_at" + d + ", " + a + ".id" + d;
    return switch (sort) {
      case POSITION -> a + ".position" + d + ", " + ties;
      case CREATED_AT -> ties;
      case UPDATED_AT -> a + ".updated_at" + d + ", " + ties;
      case PRIORITY -> a + ".priority" + d + ", " + ties;
      case TITLE -> a + ".title_sort" + d + ", " + ties;
      case DUE_DATE -> a + ".due_date IS NULL, " + a + ".due_date" + d + ", " + ties;
    };
  }
}

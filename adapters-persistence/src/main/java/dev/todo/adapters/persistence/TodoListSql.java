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
 * read in index order. A page across several lists is the union of one such read per list, ordered
 * by the sort's keys, which both engines merge (SQLite's MERGE (UNION ALL), PostgreSQL's Merge
 * Append over arms limited to offset + size): each list's index is read only as far as the page
 * needs. Then only the page's rows are read whole, since no single index holds their rows in one
 * order; a search, which matches few rows, and a caller with very many lists read the matching rows
 * of all the lists and sort them.
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
    String order = " ORDER BY " + orderBy(sort, direction);
    if (lists.size() == 1 || searchesTrigrams || lists.size() > MAX_MERGED_LISTS) {
      var parameters = new ArrayList<>(where(lists));
      parameters.add(page.size());
      parameters.add(page.offset());
      return new Query(
          select() + " WHERE " + listCondition(lists) + conditions + order + " LIMIT ? OFFSET ?",
          parameters.toArray());
    }
    var arms = new ArrayList<String>();
    var parameters = new ArrayList<>();
    var terms = sortTerms(sort);
    for (ListId list : lists) {
      String arm =
          "SELECT t.seq AS seq, "
              + keyColumns(terms)
              + " FROM "
              + from
              + " WHERE "
              + listCondition(List.of(list))
              + conditions;
      parameters.addAll(where(List.of(list)));
      if (engine == DatabaseEngine.POSTGRES) {
        // PostgreSQL merges (Merge Append) arms that are limited, and sorts every row of unlimited
        // ones; SQLite merges only unlimited arms and sorts limited ones first
        arm =
            "SELECT * FROM ("
                + arm
                + " ORDER BY "
                + keyOrder(terms, direction)
                + " LIMIT ?) AS arm"
                + arms.size();
        parameters.add(page.offset() + page.size());
      }
      arms.add(arm);
    }
    parameters.add(page.size());
    parameters.add(page.offset());
    return new Query(
        select()
            + " JOIN ("
            + String.join(" UNION ALL ", arms)
            + " ORDER BY "
            + keyOrder(terms, direction)
            + " LIMIT ? OFFSET ?) page ON t.seq = page.seq"
            + order,
        parameters.toArray());
  }

  /**
   * One term of a sort: its expression, and whether it follows the sort's direction (to-dos without
   * a due date come last both ways).
   */
  private record SortTerm(String expression, boolean directed) {}

  /** The terms of a sort on the to-dos ({@code t}), ending with the tie-breakers. */
  private static List<SortTerm> sortTerms(TodoSort sort) {
    var terms = new ArrayList<SortTerm>();
    switch (sort) {
      case POSITION -> terms.add(new SortTerm("t.position", true));
      case CREATED_AT -> {}
      case UPDATED_AT -> terms.add(new SortTerm("t.updated_at", true));
      case PRIORITY -> terms.add(new SortTerm("t.priority", true));
      case TITLE -> terms.add(new SortTerm("t.title_sort", true));
      case DUE_DATE -> {
        terms.add(new SortTerm("t.due_date IS NULL", false));
        terms.add(new SortTerm("t.due_date", true));
      }
    }
    terms.add(new SortTerm("t.created_at", true));
    terms.add(new SortTerm("t.id", true));
    return terms;
  }

  /** What an arm of a page across lists selects besides the row's key: its sort keys, k0 … kn. */
  private static String keyColumns(List<SortTerm> terms) {
    var columns = new ArrayList<String>();
    for (int i = 0; i < terms.size(); i++) {
      columns.add(terms.get(i).expression() + " AS k" + i);
    }
    return String.join(", ", columns);
  }

  /** The order of the arms' union, by their sort keys. */
  private static String keyOrder(List<SortTerm> terms, SortDirection direction) {
    var keys = new ArrayList<String>();
    for (int i = 0; i < terms.size(); i++) {
      keys.add("k" + i + suffix(terms.get(i), direction));
    }
    return String.join(", ", keys);
  }

  private static String suffix(SortTerm term, SortDirection direction) {
    if (!term.directed()) {
      return "";
    }
    return direction == SortDirection.ASC ? " ASC" : " DESC";
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

  /** The order of a sort on the to-dos ({@code t}), ending with the tie-breakers. */
  private static String orderBy(TodoSort sort, SortDirection direction) {
    var order = new ArrayList<String>();
    for (var term : sortTerms(sort)) {
      order.add(term.expression() + suffix(term, direction));
    }
    return String.join(", ", order);
  }
}

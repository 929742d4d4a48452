package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.DueView;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoSort;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every list query is answered through an index that starts with the list; the page queries of each
 * sort read one list's rows in index order (no temporary sort), and a page across lists merges the
 * lists' reads in that order, sorting only the page's own rows; the export's keyset pages seek
 * their list's partial index from the last row read. Plans are printed for the record.
 */
class ListQueryPlanTest {

  private static final ListId ALICES = ListId.random();
  private static final ListId BOBS = ListId.random();
  private static final PageRequest FIRST_PAGE = new PageRequest(1, 20);

  @org.junit.jupiter.api.io.TempDir static Path directory;
  private static QueryPlans plans;

  @BeforeAll
  static void migrate() throws SQLException {
    plans = QueryPlans.onSqlite(directory);
  }

  @AfterAll
  static void close() throws SQLException {
    plans.close();
  }

  static Stream<Arguments> sorts() {
    var arguments = new ArrayList<Arguments>();
    for (TodoSort sort : TodoSort.values()) {
      for (SortDirection direction : SortDirection.values()) {
        arguments.add(Arguments.of(sort, direction));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sorts")
  void eachSortReadsAListIndexInOrder(TodoSort sort, SortDirection direction) throws SQLException {
    var query = TodoListSql.of(TodoFilter.allOf(ALICES)).page(sort, direction, FIRST_PAGE);

    var plan = plans.of(query.sql(), query.parameters());

    assertThat(plan).anyMatch(line -> line.matches(".*USING (COVERING )?INDEX todos_by_list_.*"));
    assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN t\\b(?! USING).*"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sorts")
  void aPageAcrossListsMergesEachListsIndexReadInOrder(TodoSort sort, SortDirection direction)
      throws SQLException {
    var lists = List.of(ALICES, ListId.random(), ListId.random());
    var query =
        TodoListSql.of(TodoFilter.allOf(ALICES).over(lists)).page(sort, direction, FIRST_PAGE);

    var plan = plans.of(query.sql(), query.parameters());

    assertThat(plan.stream().filter(line -> line.matches(".*INDEX todos_by_list_.*list_seq=.*")))
        .hasSize(lists.size());
    // a k-way merge of the lists' reads in index order, each read only as far as the page needs;
    // then the page's own rows, read by primary key, are put in order: the only sort
    assertThat(plan.stream().filter(line -> line.equals("MERGE (UNION ALL)")))
        .hasSize(lists.size() - 1);
    assertThat(plan.stream().filter(line -> line.contains("TEMP B-TREE"))).hasSize(1);
    assertThat(plan.getLast()).isEqualTo("USE TEMP B-TREE FOR ORDER BY");
    assertThat(plan).noneMatch(line -> line.matches("SCAN t\\b(?! USING).*"));
  }

  static Stream<TodoFilter> filters() {
    LocalDate day = LocalDate.parse("2026-01-15");
    return Stream.of(
        filter(StatusFilter.ACTIVE, Optional.empty(), Optional.empty(), Optional.empty()),
        filter(StatusFilter.COMPLETED, Optional.empty(), Optional.empty(), Optional.empty()),
        filter(StatusFilter.ALL, Optional.of("milk"), Optional.empty(), Optional.empty()),
        filter(StatusFilter.ALL, Optional.of("mi"), Optional.empty(), Optional.empty()),
        filter(StatusFilter.ALL, Optional.empty(), Optional.of(Priority.HIGH), Optional.empty()),
        filter(StatusFilter.ACTIVE, Optional.empty(), Optional.empty(), Optional.of(day)),
        DueView.TODAY.narrow(TodoFilter.allOf(ALICES), day),
        DueView.UPCOMING.narrow(TodoFilter.allOf(ALICES), day),
        DueView.OVERDUE.narrow(TodoFilter.allOf(ALICES), day),
        DueView.TODAY.narrow(TodoFilter.allOf(ALICES), day).over(List.of(ALICES, BOBS)),
        TodoFilter.searching(ALICES, "milk").over(List.of(ALICES, BOBS)));
  }

  private static TodoFilter filter(
      StatusFilter status,
      Optional<String> text,
      Optional<Priority> priority,
      Optional<LocalDate> dueBefore) {
    return new TodoFilter(List.of(ALICES), status, text, priority, dueBefore, Optional.empty());
  }

  @ParameterizedTest
  @MethodSource("filters")
  void everyFilteredPageAndCountStartsFromTheList(TodoFilter filter) throws SQLException {
    var sql = TodoListSql.of(filter);

    var page = plan(sql.page(TodoSort.POSITION, SortDirection.ASC, FIRST_PAGE));
    var count = plan(sql.count());

    for (var plan : List.of(page, count)) {
      if (filter.text().filter(text -> text.length() >= TodoListSql.TRIGRAM).isPresent()) {
        assertThat(plan.get(0)).contains("SCAN todo_search VIRTUAL TABLE");
        assertThat(plan).anyMatch(line -> line.contains("SEARCH t USING INTEGER PRIMARY KEY"));
      } else {
        assertThat(plan)
            .anyMatch(
                line ->
                    line.matches(
                        "SEARCH t USING (COVERING )?INDEX todos_by_list_.*[(]list_seq=[?].*"));
      }
      assertThat(plan).noneMatch(line -> line.matches("SCAN t( .*)?"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"todos_by_list_created", "todos_in_trash"})
  void aKeysetPageOfTheExportSeeksTheListsIndexAfterTheLastRow(String index) throws SQLException {
    String sql =
        index.equals("todos_in_trash")
            ? JdbcTrashRepository.PAGE_IN_LIST_AFTER
            : JdbcTodoRepository.PAGE_IN_LIST_AFTER;

    var plan = plan(new TodoListSql.Query(sql, new Object[] {ALICES.toString(), 0L, "", 200}));

    assertThat(plan)
        .anyMatch(line -> line.startsWith("SEARCH t USING INDEX " + index + " (list_seq=? AND ("));
    assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN t\\b.*"));
  }

  private static List<String> plan(TodoListSql.Query query) throws SQLException {
    return plans.of(query.sql(), query.parameters());
  }
}

package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoSort;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL's plans of a page across lists, on three analysed lists of 3,000 to-dos each: a Merge
 * Append of one index scan per list, each limited to offset + size, for every sort and direction;
 * the only sort is that of the page's own rows. Plans are printed for the record.
 */
class PostgresListQueryPlanTest {

  private static final int PER_LIST = 3000;
  private static final List<ListId> LISTS =
      List.of(ListId.random(), ListId.random(), ListId.random());

  private static QueryPlans plans;

  @BeforeAll
  static void seed() throws SQLException {
    plans = QueryPlans.onPostgres(PostgresDatabase.create());
    plans.execute("INSERT INTO users (sub, created_at) VALUES ('alice', 0)");
    for (var list : LISTS) {
      plans.execute(
          "INSERT INTO lists (id, owner, name, is_default, created_at, updated_at, version)"
              + " VALUES ('"
              + list
              + "', 'alice', 'a list', 0, 0, 0, 1)");
      plans.execute(
          "INSERT INTO todos (id, list_seq, title, title_sort, completed, priority, position,"
              + " created_at, updated_at, version, due_date)"
              + " SELECT gen_random_uuid()::text, l.seq, 'to-do ' || g, 'to-do ' || g, 0, g % 4,"
              + " g, g, g, 1, CASE WHEN g % 3 = 0 THEN NULL ELSE '2026-01-'"
              + " || lpad((1 + g % 28)::text, 2, '0') END"
              + " FROM lists l, generate_series(1, "
              + PER_LIST
              + ") g WHERE l.id = '"
              + list
              + "'");
    }
    plans.execute("VACUUM ANALYZE");
  }

  @AfterAll
  static void close() throws SQLException {
    plans.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dev.todo.adapters.persistence.ListQueryPlanTest#sorts")
  void aPageAcrossListsMergesEachListsLimitedIndexScan(TodoSort sort, SortDirection direction)
      throws SQLException {
    var filter = TodoFilter.allOf(LISTS.getFirst()).over(LISTS);
    var query =
        TodoListSql.of(filter, DatabaseEngine.POSTGRES)
            .page(sort, direction, new PageRequest(3, 20));

    var plan = plans.of(query.sql(), query.parameters());

    assertThat(plan).filteredOn(line -> line.contains("Merge Append")).hasSize(1);
    assertThat(plan)
        .filteredOn(line -> line.matches(" *-> {2}Index (Only )?Scan .*todos_by_list_.*"))
        .hasSize(LISTS.size());
    assertThat(plan).filteredOn(line -> line.matches(" *-> {2}Limit.*")).hasSize(LISTS.size() + 1);
    assertThat(plan.getFirst()).as("the page's own rows are sorted last").startsWith("Sort");
    assertThat(plan).noneMatch(line -> line.matches(" *-> {2}(Sort|Seq Scan on todos).*"));
  }
}

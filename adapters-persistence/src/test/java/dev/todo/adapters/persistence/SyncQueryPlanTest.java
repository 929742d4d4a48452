package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each stream of the sync is one range of an index that starts with the list (or the user) and goes
 * on with the change number, read in that order: a sync reads the rows that changed after its
 * cursor and no others, however many to-dos the list has; no scan, no temporary sort. Plans are
 * printed for the record.
 */
class SyncQueryPlanTest {

  @TempDir static Path directory;
  private static QueryPlans plans;

  @BeforeAll
  static void migrate() throws SQLException {
    plans = QueryPlans.onSqlite(directory);
  }

  @AfterAll
  static void close() throws SQLException {
    plans.close();
  }

  @Test
  void changedTodosAreOneRangeOfTheListsChangeIndex() throws SQLException {
    var plan = plans.of(JdbcSyncFeed.TODOS);

    assertThat(plan)
        .anyMatch(
            line ->
                line.matches(
                    "SEARCH t USING INDEX todos_by_list_change \\(list_seq=\\? AND"
                        + " \\(change_seq,id\\)>\\(\\?,\\?\\)\\)"));
    assertNoScanNoSort(plan);
  }

  @Test
  void changedStepsAreOneRangeOfTheListsChangeIndexEachWithItsTodo() throws SQLException {
    var plan = plans.of(JdbcSyncFeed.STEPS);

    assertThat(plan)
        .anyMatch(
            line ->
                line.matches(
                    "SEARCH s USING INDEX steps_by_list_change \\(list_seq=\\? AND"
                        + " \\(change_seq,id\\)>\\(\\?,\\?\\)\\)"));
    assertThat(plan).anyMatch(line -> line.matches("SEARCH t USING INTEGER PRIMARY KEY.*"));
    assertNoScanNoSort(plan);
  }

  @Test
  void removalsAreOneRangeOfTheirIndexes() throws SQLException {
    assertThat(plans.of(JdbcSyncFeed.REMOVED_FROM))
        .anyMatch(line -> line.matches("SEARCH r USING (COVERING )?INDEX removed_from_lists.*"))
        .noneMatch(line -> line.contains("TEMP B-TREE"));
    assertThat(plans.of(JdbcSyncFeed.REMOVED_FOR))
        .anyMatch(line -> line.matches("SEARCH r USING (COVERING )?INDEX removed_for_users.*"))
        .noneMatch(line -> line.contains("TEMP B-TREE"));
  }

  @Test
  void aUsersListsAreFoundByTheirMemberships() throws SQLException {
    var plan = plans.of(JdbcSyncFeed.LISTS_OF);

    assertThat(plan)
        .anyMatch(line -> line.matches("SEARCH m USING (COVERING )?INDEX memberships_by_user.*"));
    assertNoScanNoSort(plan);
  }

  private static void assertNoScanNoSort(List<String> plan) {
    assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN (t|s|l|m|u)\\b.*"));
  }
}

package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A to-do's steps are read in order, and its next position found, on the index that starts with the
 * to-do ({@code steps_by_todo_position}): no scan of the table, no temporary sort.
 */
class StepQueryPlanTest {

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
  void aTodosStepsAreReadInIndexOrder() throws SQLException {
    var plan = plans.of(JdbcStepRepository.BY_TODO);

    assertThat(plan)
        .anyMatch(line -> line.matches("SEARCH s USING INDEX steps_by_todo_position.*"));
    assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN (s|steps)\\b.*"));
  }

  @Test
  void theNextPositionIsReadFromTheIndex() throws SQLException {
    var plan = plans.of(JdbcStepRepository.NEXT_POSITION);

    assertThat(plan)
        .anyMatch(
            line -> line.matches("SEARCH steps USING COVERING INDEX steps_by_todo_position.*"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN steps\\b.*"));
  }
}

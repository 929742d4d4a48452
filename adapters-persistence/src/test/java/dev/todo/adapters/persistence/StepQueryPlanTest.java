package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
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
  private static ApplicationContext context;
  private static Connection connection;

  @BeforeAll
  static void migrate() throws SQLException {
    context =
        ApplicationContext.run(
            Map.of("datasources.default.url", "jdbc:sqlite:" + directory.resolve("plan.db")));
    DataSource dataSource =
        DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
    connection = dataSource.getConnection();
    connection.createStatement().execute("ANALYZE");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    context.close();
  }

  @Test
  void aTodosStepsAreReadInIndexOrder() throws SQLException {
    var plan = plan(SqliteStepRepository.BY_TODO);

    assertThat(plan)
        .anyMatch(line -> line.matches("SEARCH s USING INDEX steps_by_todo_position.*"));
    assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN (s|steps)\\b.*"));
  }

  @Test
  void theNextPositionIsReadFromTheIndex() throws SQLException {
    var plan = plan(SqliteStepRepository.NEXT_POSITION);

    assertThat(plan)
        .anyMatch(
            line -> line.matches("SEARCH steps USING COVERING INDEX steps_by_todo_position.*"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN steps\\b.*"));
  }

  private static List<String> plan(String sql) throws SQLException {
    var lines = new ArrayList<String>();
    try (var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql);
        var result = statement.executeQuery()) {
      while (result.next()) {
        lines.add(result.getString("detail"));
      }
    }
    System.out.println("PLAN " + sql + "\n  " + String.join("\n  ", lines));
    return lines;
  }
}

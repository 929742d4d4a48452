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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The export's keyset pages read their list's partial index in order, from the last row on: no
 * sort, no scan, whatever the list's size (the plans are printed).
 */
class KeysetPageQueryPlanTest {

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

  @ParameterizedTest
  @ValueSource(strings = {"todos_by_list_created", "todos_in_trash"})
  void aPageAfterTheLastRowSeeksTheListsIndex(String index) throws SQLException {
    String sql =
        index.equals("todos_in_trash")
            ? SqliteTrashRepository.PAGE_IN_LIST_AFTER
            : SqliteTodoRepository.PAGE_IN_LIST_AFTER;

    var plan = plan(sql);

    assertThat(plan)
        .anyMatch(
            line -> line.matches("SEARCH t USING INDEX " + index + " \\(list_seq=\\? AND .*"));
    assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
    assertThat(plan).noneMatch(line -> line.matches("SCAN t\\b.*"));
  }

  private static List<String> plan(String sql) throws SQLException {
    var lines = new ArrayList<String>();
    try (var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
      statement.setString(1, "00000000-0000-4000-8000-000000000000");
      statement.setLong(2, 0);
      statement.setString(3, "");
      statement.setInt(4, 200);
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          lines.add(result.getString("detail"));
        }
      }
    }
    System.out.println("PLAN " + sql + "\n  " + String.join("\n  ", lines));
    return lines;
  }
}

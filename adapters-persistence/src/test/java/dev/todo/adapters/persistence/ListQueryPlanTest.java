package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoSort;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every list query is answered through an index that starts with the owner; the page queries of
 * each sort read rows in index order (no temporary sort). Plans are printed for the record.
 */
class ListQueryPlanTest {

  @org.junit.jupiter.api.io.TempDir static Path directory;
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
  void eachSortReadsAnOwnerIndexInOrder(TodoSort sort, SortDirection direction)
      throws SQLException {
    var sql = TodoListSql.of(TodoFilter.allOf("alice"));

    var plan = plan(sql.pageQuery(sort, direction), sql.parameters(), 20, 0);

    assertThat(plan).anyMatch(line -> line.matches(".*USING (COVERING )?INDEX todos_by_owner_.*"));
    assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
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
        filter(StatusFilter.ACTIVE, Optional.empty(), Optional.empty(), Optional.of(day)));
  }

  private static TodoFilter filter(
      StatusFilter status,
      Optional<String> text,
      Optional<Priority> priority,
      Optional<LocalDate> dueBefore) {
    return new TodoFilter("alice", status, text, priority, dueBefore, Optional.empty());
  }

  @ParameterizedTest
  @MethodSource("filters")
  void everyFilteredPageAndCountStartsFromTheOwner(TodoFilter filter) throws SQLException {
    var sql = TodoListSql.of(filter);

    var page = plan(sql.pageQuery(TodoSort.POSITION, SortDirection.ASC), sql.parameters(), 20, 0);
    var count = plan(sql.countQuery(), sql.parameters());

    for (var plan : List.of(page, count)) {
      if (sql.from().startsWith("todo_search")) {
        assertThat(plan.get(0)).contains("SCAN todo_search VIRTUAL TABLE");
        assertThat(plan).anyMatch(line -> line.contains("SEARCH t USING INTEGER PRIMARY KEY"));
      } else {
        assertThat(plan)
            .anyMatch(
                line ->
                    line.matches(
                        "SEARCH t USING (COVERING )?INDEX todos_by_owner_.*[(]owner=[?].*"));
      }
      assertThat(plan).noneMatch(line -> line.matches("SCAN t( .*)?"));
    }
  }

  private static List<String> plan(String query, List<Object> parameters, Object... more)
      throws SQLException {
    var lines = new ArrayList<String>();
    try (var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + query)) {
      int index = 1;
      for (Object parameter : parameters) {
        statement.setObject(index++, parameter);
      }
      for (Object parameter : more) {
        statement.setObject(index++, parameter);
      }
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          lines.add(result.getString("detail"));
        }
      }
    }
    System.out.println("PLAN " + query + "\n  " + String.join("\n  ", lines));
    return lines;
  }
}

package dev.todo.floor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * GET /api/v1/health as a plain Micronaut app writes it: on the blocking executor (virtual
 * threads), one pooled connection, {@code select 1}, a record serialised to JSON.
 */
@Controller("/api/v1/health")
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

  private final DataSource dataSource;

  HealthController(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Get
  Health health() throws SQLException {
    try (var connection = dataSource.getConnection();
        var statement = connection.prepareStatement("select 1");
        var rows = statement.executeQuery()) {
      return new Health(rows.next() && rows.getInt(1) == 1 ? "UP" : "DOWN");
    }
  }

  @Serdeable
  record Health(String status) {}
}

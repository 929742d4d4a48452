package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.PostgresCluster;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL migrations apply on an empty database of a real cluster and leave the same tables
 * as SQLite's.
 */
class PostgresMigrationTest {

  @Test
  void theSchemaHasEveryTableOfSqlite() throws SQLException {
    String url = PostgresCluster.shared().newDatabase();

    var result =
        new SchemaMigrations(DatabaseEngine.POSTGRES)
            .ofEngine(Flyway.configure().dataSource(url, null, null))
            .load()
            .migrate();

    assertThat(result.success).isTrue();
    assertThat(result.targetSchemaVersion).isEqualTo("11");
    var tables = new ArrayList<String>();
    try (var db = DriverManager.getConnection(url);
        var rows =
            db.createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                        + " 'public' AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    assertThat(tables)
        .isEqualTo(
            List.of(
                "active_due_counts",
                "attachments",
                "audit_events",
                "invites",
                "lists",
                "memberships",
                "removed_for_users",
                "removed_from_lists",
                "steps",
                "sync_clock",
                "todos",
                "users"));
  }
}

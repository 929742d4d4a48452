package dev.todo.adapters.persistence;

import dev.todo.domain.todo.Text;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 11 on both engines: fills {@code notes_fold} (added by V10) for the to-dos written before
 * it, with the application's own fold ({@link Text#caseFolded}): neither engine's SQL folds case
 * the same way. In batches by {@code seq}, so memory stays flat on a large database.
 */
final class FoldNotesMigration implements JavaMigration {

  private static final int BATCH = 1_000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("11");
  }

  @Override
  public String getDescription() {
    return "fold notes";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    long after = Long.MIN_VALUE;
    while (true) {
      var batch = notesAfter(connection, after);
      if (batch.isEmpty()) {
        return;
      }
      try (var update =
          connection.prepareStatement("UPDATE todos SET notes_fold = ? WHERE seq = ?")) {
        for (var row : batch) {
          update.setString(1, Text.caseFolded(row.notes()));
          update.setLong(2, row.seq());
          update.addBatch();
        }
        update.executeBatch();
      }
      after = batch.getLast().seq();
    }
  }

  private record Row(long seq, String notes) {}

  private static List<Row> notesAfter(Connection connection, long after) throws SQLException {
    try (var select =
        connection.prepareStatement(
            "SELECT seq, notes FROM todos WHERE notes IS NOT NULL AND seq > ? ORDER BY seq LIMIT "
                + BATCH)) {
      select.setLong(1, after);
      try (var rows = select.executeQuery()) {
        var found = new ArrayList<Row>();
        while (rows.next()) {
          found.add(new Row(rows.getLong(1), rows.getString(2)));
        }
        return found;
      }
    }
  }
}

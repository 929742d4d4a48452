package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.AuditLogContract;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The audit log contract on a real SQLite file with the real migrations. */
class SqliteAuditLogTest extends AuditLogContract {

  @TempDir Path directory;
  private SqliteFile database;

  @Override
  protected void createRepositories() {
    database = SqliteFile.in(directory);
    log = database.bean(AuditLog.class);
    users = database.bean(UserRepository.class);
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return database.inTransaction(work);
  }

  @AfterEach
  void stop() {
    database.close();
  }
}

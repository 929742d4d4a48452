package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.AuditLogContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

/** The audit log contract on a database of a real PostgreSQL cluster with its migrations. */
class PostgresAuditLogTest extends AuditLogContract {

  private PostgresDatabase database;

  @Override
  protected void createRepositories() {
    database = PostgresDatabase.create();
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

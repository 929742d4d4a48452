package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryAuditLogTest extends AuditLogContract {

  @Override
  protected void createRepositories() {
    var database = new InMemoryDatabase();
    log = database.audit;
    users = database.users;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

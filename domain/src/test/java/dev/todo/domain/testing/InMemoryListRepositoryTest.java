package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryListRepositoryTest extends ListRepositoryContract {

  @Override
  protected void createRepositories() {
    var database = new InMemoryDatabase();
    lists = database.lists;
    users = database.users;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

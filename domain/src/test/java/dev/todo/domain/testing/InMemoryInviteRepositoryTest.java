package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryInviteRepositoryTest extends InviteRepositoryContract {

  @Override
  protected void createRepositories() {
    var database = new InMemoryDatabase();
    invites = database.invites;
    lists = database.lists;
    users = database.users;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

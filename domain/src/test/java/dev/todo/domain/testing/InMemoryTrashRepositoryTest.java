package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryTrashRepositoryTest extends TrashRepositoryContract {

  @Override
  protected void createRepositories() {
    var database = new InMemoryDatabase();
    todos = database.todos;
    trash = database.trash;
    users = database.users;
    lists = database.lists;
    attachments = database.attachments;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

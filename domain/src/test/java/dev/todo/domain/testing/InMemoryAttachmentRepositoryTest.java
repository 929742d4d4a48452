package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryAttachmentRepositoryTest extends AttachmentRepositoryContract {

  @Override
  protected void createRepositories() {
    var database = new InMemoryDatabase();
    todos = database.todos;
    users = database.users;
    lists = database.lists;
    attachments = database.attachments;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryTodoRepositoryTest extends TodoRepositoryContract {

  @Override
  protected void createRepositories() {
    var database = new InMemoryDatabase();
    todos = database.todos;
    users = database.users;
    lists = database.lists;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

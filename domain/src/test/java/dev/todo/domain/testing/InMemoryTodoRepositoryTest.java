package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryTodoRepositoryTest extends TodoRepositoryContract {

  @Override
  protected void createRepositories() {
    todos = new InMemoryTodoRepository();
    users = new InMemoryUserRepository();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

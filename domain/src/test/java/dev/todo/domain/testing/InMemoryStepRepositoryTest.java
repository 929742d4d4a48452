package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryStepRepositoryTest extends StepRepositoryContract {

  private InMemoryTransactions transactions;

  @Override
  protected void createRepositories() {
    var database = new InMemoryDatabase();
    todos = database.todos;
    users = database.users;
    lists = database.lists;
    steps = database.steps;
    transactions = database.transactions;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return transactions.write(work);
  }
}

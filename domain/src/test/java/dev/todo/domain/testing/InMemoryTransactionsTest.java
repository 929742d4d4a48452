package dev.todo.domain.testing;

class InMemoryTransactionsTest extends TransactionsContract {

  private InMemoryDatabase database;

  @Override
  protected void createAdapters() {
    database = new InMemoryDatabase();
    adopt();
  }

  /** Memory outlives a "restart" of the fakes: the same store, looked at again. */
  @Override
  protected void reopen() {
    adopt();
  }

  private void adopt() {
    transactions = database.transactions;
    todos = database.todos;
    users = database.users;
    lists = database.lists;
  }
}

package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.TransactionsContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The transactions contract on a real PostgreSQL database; a reopen starts a new application
 * context.
 */
class PostgresTransactionsContractTest extends TransactionsContract {

  private PostgresDatabase database;

  @Override
  protected void createAdapters() {
    database = PostgresDatabase.create();
    beans();
  }

  @Override
  protected void reopen() {
    database = database.reopened();
    beans();
  }

  private void beans() {
    transactions = database.bean(Transactions.class);
    todos = database.bean(TodoRepository.class);
    users = database.bean(UserRepository.class);
    lists = database.bean(ListRepository.class);
  }

  @AfterEach
  void stop() {
    database.close();
  }
}

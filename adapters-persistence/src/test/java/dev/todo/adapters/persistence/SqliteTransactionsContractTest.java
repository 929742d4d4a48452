package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.TransactionsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The transactions contract on a real SQLite file; a reopen starts a new application context. */
class SqliteTransactionsContractTest extends TransactionsContract {

  @TempDir Path directory;
  private SqliteFile database;

  @Override
  protected void createAdapters() {
    open();
  }

  @Override
  protected void reopen() {
    database.close();
    open();
  }

  private void open() {
    database = SqliteFile.in(directory);
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

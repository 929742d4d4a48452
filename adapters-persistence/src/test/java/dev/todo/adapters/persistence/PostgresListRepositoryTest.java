package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.ListRepositoryContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

/** The list repository contract on a database of a real PostgreSQL cluster with its migrations. */
class PostgresListRepositoryTest extends ListRepositoryContract {

  private PostgresDatabase database;

  @Override
  protected void createRepositories() {
    database = PostgresDatabase.create();
    lists = database.bean(ListRepository.class);
    users = database.bean(UserRepository.class);
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return database.inTransaction(work);
  }

  @AfterEach
  void stop() {
    database.close();
  }
}

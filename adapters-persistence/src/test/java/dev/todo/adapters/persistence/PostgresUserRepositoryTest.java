package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.UserRepositoryContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

class PostgresUserRepositoryTest extends UserRepositoryContract {

  private PostgresDatabase database;

  @Override
  protected UserRepository createRepository() {
    database = PostgresDatabase.create();
    return database.bean(UserRepository.class);
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

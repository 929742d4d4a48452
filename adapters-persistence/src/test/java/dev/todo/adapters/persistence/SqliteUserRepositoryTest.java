package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.UserRepositoryContract;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteUserRepositoryTest extends UserRepositoryContract {

  @TempDir Path directory;
  private SqliteFile database;

  @Override
  protected UserRepository createRepository() {
    database = SqliteFile.in(directory);
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

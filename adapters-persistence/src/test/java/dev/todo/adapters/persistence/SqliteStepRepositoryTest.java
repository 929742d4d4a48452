package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.StepRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.StepRepositoryContract;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The step repository contract on a real SQLite file with the real migrations. */
class SqliteStepRepositoryTest extends StepRepositoryContract {

  @TempDir Path directory;
  private SqliteFile database;

  @Override
  protected void createRepositories() {
    database = SqliteFile.in(directory);
    todos = database.bean(TodoRepository.class);
    users = database.bean(UserRepository.class);
    lists = database.bean(ListRepository.class);
    steps = database.bean(StepRepository.class);
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

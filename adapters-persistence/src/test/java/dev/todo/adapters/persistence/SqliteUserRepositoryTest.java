package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.UserRepositoryContract;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteUserRepositoryTest extends UserRepositoryContract {

  @TempDir Path directory;
  private ApplicationContext context;

  @Override
  protected UserRepository createRepository() {
    context =
        ApplicationContext.run(
            Map.of("datasources.default.url", "jdbc:sqlite:" + directory.resolve("todo.db")));
    return context.getBean(UserRepository.class);
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return context.getBean(Transactions.class).write(work);
  }

  @AfterEach
  void stop() {
    context.close();
  }
}

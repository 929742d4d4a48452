package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.AttachmentRepositoryContract;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The attachment repository contract on a real SQLite file with the real migrations. */
class SqliteAttachmentRepositoryTest extends AttachmentRepositoryContract {

  @TempDir Path directory;
  private ApplicationContext context;
  private Transactions transactions;

  @Override
  protected void createRepositories() {
    context =
        ApplicationContext.run(
            Map.of("datasources.default.url", "jdbc:sqlite:" + directory.resolve("todo.db")));
    todos = context.getBean(TodoRepository.class);
    users = context.getBean(UserRepository.class);
    attachments = context.getBean(AttachmentRepository.class);
    transactions = context.getBean(Transactions.class);
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return transactions.write(work);
  }

  @AfterEach
  void stop() {
    context.close();
  }
}

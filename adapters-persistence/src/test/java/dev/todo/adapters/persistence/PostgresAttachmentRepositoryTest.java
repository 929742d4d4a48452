package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.AttachmentRepositoryContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;

/**
 * The attachment repository contract on a database of a real PostgreSQL cluster with its
 * migrations.
 */
class PostgresAttachmentRepositoryTest extends AttachmentRepositoryContract {

  private PostgresDatabase database;

  @Override
  protected void createRepositories() {
    database = PostgresDatabase.create();
    todos = database.bean(TodoRepository.class);
    users = database.bean(UserRepository.class);
    lists = database.bean(ListRepository.class);
    attachments = database.bean(AttachmentRepository.class);
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

package dev.todo.domain.testing;

import java.util.function.Supplier;

class InMemoryAttachmentRepositoryTest extends AttachmentRepositoryContract {

  @Override
  protected void createRepositories() {
    var todoRepository = new InMemoryTodoRepository();
    todos = todoRepository;
    users = new InMemoryUserRepository();
    attachments = new InMemoryAttachmentRepository(todoRepository);
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

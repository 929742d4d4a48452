package dev.todo.domain.testing;

import dev.todo.domain.port.out.UserRepository;
import java.util.function.Supplier;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

  @Override
  protected UserRepository createRepository() {
    return new InMemoryUserRepository();
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}

package dev.todo.domain.testing;

import dev.todo.domain.port.out.UserRepository;
import java.util.Optional;
import java.util.function.Supplier;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

  private final InMemoryUserRepository repository = new InMemoryUserRepository();

  @Override
  protected UserRepository createRepository() {
    return repository;
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }

  @Override
  protected Optional<StoredUser> stored(String subject) {
    return repository.stored(subject);
  }
}

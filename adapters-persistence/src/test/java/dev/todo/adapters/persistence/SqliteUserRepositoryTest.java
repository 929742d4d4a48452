package dev.todo.adapters.persistence;

import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.UserRepositoryContract;
import java.nio.file.Path;
import java.util.Optional;
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

  @Override
  protected Optional<StoredUser> stored(String subject) {
    return database.inTransaction(
        () ->
            database
                .bean(Sql.class)
                .one(
                    "SELECT email, name FROM users WHERE sub = ?",
                    row -> new StoredUser(row.getString(1), row.getString(2)),
                    subject));
  }

  @AfterEach
  void stop() {
    database.close();
  }
}

package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.list.InviteToken;
import dev.todo.domain.port.out.InviteRepository;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.testing.InviteRepositoryContract;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The invite repository contract on a real PostgreSQL database; tokens are stored only as hashes.
 */
class PostgresInviteRepositoryTest extends InviteRepositoryContract {

  private PostgresDatabase database;

  @Override
  protected void createRepositories() {
    database = PostgresDatabase.create();
    invites = database.bean(InviteRepository.class);
    lists = database.bean(ListRepository.class);
    users = database.bean(UserRepository.class);
  }

  @Override
  protected <T> T inTransaction(Supplier<T> work) {
    return database.inTransaction(work);
  }

  @AfterEach
  void stop() {
    database.close();
  }

  @Test
  void theTokenItselfIsNowhereInTheDatabase() {
    var token = InviteToken.random();
    storedInvite(token);

    long rowsWithToken =
        database.inTransaction(
            () ->
                database
                    .bean(Sql.class)
                    .number(
                        "SELECT count(*) FROM invites WHERE token_hash = ? OR token_hash = ?",
                        token.value(),
                        token.hash()));

    assertThat(rowsWithToken).isEqualTo(1);
    assertThat(token.hash()).isNotEqualTo(token.value());
  }
}

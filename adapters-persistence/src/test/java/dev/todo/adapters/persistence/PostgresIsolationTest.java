package dev.todo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each kind of transaction runs at on PostgreSQL, though neither asks Micronaut for a level: a
 * write at {@code READ COMMITTED} (the database's default, the clock's row lock orders writes), a
 * read at {@code REPEATABLE READ}, read only; a read inside either joins it.
 */
class PostgresIsolationTest {

  private static PostgresDatabase database;
  private static Transactions transactions;
  private static Sql sql;

  @BeforeAll
  static void start() {
    database = PostgresDatabase.create();
    transactions = database.bean(Transactions.class);
    sql = database.bean(Sql.class);
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  private static String setting(String name) {
    return sql.one("SHOW " + name, row -> row.getString(1)).orElseThrow();
  }

  @Test
  void aWriteRunsAtReadCommitted() {
    assertThat(transactions.write(() -> setting("transaction_isolation")))
        .isEqualTo("read committed");
    assertThat(transactions.write(() -> setting("transaction_read_only"))).isEqualTo("off");
  }

  @Test
  void aReadIsOneReadOnlySnapshot() {
    assertThat(transactions.read(() -> setting("transaction_isolation")))
        .isEqualTo("repeatable read");
    assertThat(transactions.read(() -> setting("transaction_read_only"))).isEqualTo("on");
  }

  @Test
  void aReadInsideAWriteOrAReadJoinsIt() {
    assertThat(transactions.write(() -> transactions.read(() -> setting("transaction_read_only"))))
        .isEqualTo("off");
    assertThat(
            transactions.read(
                () -> {
                  setting("transaction_isolation");
                  return transactions.read(() -> setting("transaction_isolation"));
                }))
        .isEqualTo("repeatable read");
  }
}

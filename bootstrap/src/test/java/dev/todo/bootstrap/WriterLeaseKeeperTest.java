package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.InMemoryWriterLease;
import dev.todo.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keeper over the in-memory lease fake (which passes the same contract as the adapters). */
class WriterLeaseKeeperTest {

  private static final Duration TTL = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:30:00Z"));
  private final InMemoryWriterLease.Store store = new InMemoryWriterLease.Store(clock);
  private final WriterLeaseKeeper keeper = keeper("instance-a");

  private WriterLeaseKeeper keeper(String holder) {
    return new WriterLeaseKeeper(
        new InMemoryWriterLease(store, holder, TTL), clock, Duration.ofMillis(10), Duration.ZERO);
  }

  @AfterEach
  void stop() {
    keeper.release();
  }

  @Test
  void takesAFreeLeaseAndLetsWritesThrough() {
    assertThat(keeper.mayWrite()).isFalse();
    keeper.awaitLease();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.HOLDING);
    assertThat(keeper.mayWrite()).isTrue();
    assertThat(store.currentHolder()).isEqualTo("instance-a");
  }

  @Test
  void drainingStopsWritesButKeepsTheLeaseUntilReleased() {
    keeper.awaitLease();
    keeper.drain();
    assertThat(keeper.mayWrite()).isFalse();
    assertThat(store.currentHolder()).isEqualTo("instance-a");
    keeper.release();
    assertThat(store.currentHolder()).isNull();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.RELEASED);
  }

  @Test
  void renewingKeepsWritesGoingPastTheFirstTtl() {
    keeper.awaitLease();
    clock.advance(TTL.dividedBy(2));
    keeper.renew();
    clock.advance(TTL.dividedBy(2));
    assertThat(keeper.mayWrite()).isTrue();
  }

  @Test
  void writesStopBeforeTheLeaseCouldExpireWhenRenewalsFail() {
    keeper.awaitLease();
    store.goDown();
    clock.advance(TTL.dividedBy(2));
    keeper.renew();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.HOLDING);
    assertThat(keeper.mayWrite()).isTrue();
    clock.advance(TTL.dividedBy(3));
    assertThat(keeper.mayWrite()).as("inside the safety margin").isFalse();
    keeper.renew();
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.LOST);
    store.comeBack();
    keeper.renew();
    assertThat(keeper.mayWrite()).as("a lost lease is never used again").isFalse();
  }

  @Test
  void waitsWhileAnotherInstanceHoldsTheLeaseAndTakesItWhenReleased() throws Exception {
    WriterLeaseKeeper other = keeper("instance-b");
    other.awaitLease();
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(keeper::awaitLease);
    assertThat(keeper.state()).isEqualTo(WriterLeaseKeeper.State.WAITING);
    assertThat(keeper.mayWrite()).isFalse();

    other.release();
    waiting.get(30, TimeUnit.SECONDS);
    assertThat(keeper.mayWrite()).isTrue();
    assertThat(store.currentHolder()).isEqualTo("instance-a");
  }

  @Test
  void databaseFileIsFoundInTheJdbcUrl() {
    assertThat(WriterLeaseFactory.databaseFile("jdbc:sqlite:./data/todo.db?foreign_keys=on"))
        .hasValueSatisfying(path -> assertThat(path.toString()).endsWith("data/todo.db"));
    assertThat(WriterLeaseFactory.databaseFile("jdbc:sqlite::memory:")).isEmpty();
    assertThat(WriterLeaseFactory.databaseFile("jdbc:sqlite:file:x?mode=memory")).isEmpty();
  }
}

package dev.todo.bootstrap;

import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.WriteFence;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;

/** Where the writer lease meets the rest of the service. */
final class WriterLeaseWiring {

  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private WriterLeaseWiring() {}

  /** The database opens (pool, then Flyway's migrations) only once this instance is the writer. */
  @Singleton
  @SingleWriter
  static final class DatabaseGate implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final WriterLeaseKeeper keeper;

    DatabaseGate(WriterLeaseKeeper keeper) {
      this.keeper = keeper;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
      keeper.awaitLease();
      return event.getBean();
    }
  }

  /** Every write transaction first asks the keeper; refused writes answer 503 + Retry-After. */
  @Singleton
  @SingleWriter
  static final class WriteGate implements BeanCreatedEventListener<Transactions> {

    private final WriterLeaseKeeper keeper;

    WriteGate(WriterLeaseKeeper keeper) {
      this.keeper = keeper;
    }

    @Override
    public Transactions onCreated(BeanCreatedEvent<Transactions> event) {
      return new LeaseGuardedTransactions(event.getBean(), keeper);
    }
  }

  /**
   * The writer asks again right before each commit, by the same rule: a write accepted while the
   * lease was valid but whose commit comes later (a pause, a slow batch) commits nothing.
   */
  @Singleton
  @SingleWriter
  static final class CommitFence implements WriteFence {

    private final WriterLeaseKeeper keeper;

    CommitFence(WriterLeaseKeeper keeper) {
      this.keeper = keeper;
    }

    @Override
    public boolean mayCommit() {
      return keeper.mayWrite();
    }
  }

  /** On shutdown (SIGTERM) writes stop at once; reads go on until the server closes. */
  @Singleton
  @SingleWriter
  static final class Drain implements ApplicationEventListener<ShutdownEvent> {

    private final WriterLeaseKeeper keeper;

    Drain(WriterLeaseKeeper keeper) {
      this.keeper = keeper;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
      keeper.drain();
    }
  }

  record LeaseGuardedTransactions(Transactions delegate, WriterLeaseKeeper keeper)
      implements Transactions {

    @Override
    public <T> T write(Supplier<T> work) {
      if (!keeper.mayWrite()) {
        throw new ServiceUnavailableException(
            "This instance is not taking writes (shutting down, or not the single writer);"
                + " try again shortly",
            RETRY_AFTER,
            null);
      }
      return delegate.write(work);
    }

    @Override
    public <T> T read(Supplier<T> work) {
      if (keeper.state() == WriterLeaseKeeper.State.HANDED_OVER) {
        throw new ServiceUnavailableException(
            "This instance has handed the database over to its successor; try again shortly",
            RETRY_AFTER,
            null);
      }
      return delegate.read(work);
    }
  }
}

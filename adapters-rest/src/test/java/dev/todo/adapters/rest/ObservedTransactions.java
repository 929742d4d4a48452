package dev.todo.adapters.rest;

import dev.todo.domain.port.out.Transactions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's {@link Transactions} as the use cases see it in the REST tests: the domain's fake,
 * plus a log line for every unit of work (written on the thread the use case runs on, with its MDC)
 * and, when a test asks, the failure the database adapter would report instead of the work (busy:
 * {@code ServiceUnavailableException}; broken: {@code DatabaseFailureException}); it counts the
 * write transactions, so a test can tell that a read wrote nothing.
 */
final class ObservedTransactions implements Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(ObservedTransactions.class);

  private final Transactions database;
  private volatile RuntimeException failure;
  private final AtomicLong writes = new AtomicLong();

  ObservedTransactions(Transactions database) {
    this.database = database;
  }

  /** Every later unit of work throws {@code exception} without running. */
  void failWith(RuntimeException exception) {
    failure = exception;
  }

  void recover() {
    failure = null;
  }

  /** How many write transactions have begun so far. */
  long writes() {
    return writes.get();
  }

  @Override
  public <T> T write(Supplier<T> work) {
    writes.incrementAndGet();
    begin("write");
    return database.write(work);
  }

  @Override
  public <T> T read(Supplier<T> work) {
    begin("read");
    return database.read(work);
  }

  private void begin(String kind) {
    LOG.info("{} transaction", kind);
    var fail = failure;
    if (fail != null) {
      throw fail;
    }
  }
}

package dev.todo.bootstrap;

import dev.todo.adapters.persistence.WriteQueueObserver;
import dev.todo.adapters.rest.ApiErrorListener;
import dev.todo.adapters.rest.MetricsText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The service's own metrics, bound to what the adapters report (they know no metrics library), and
 * the Prometheus text the REST adapter serves at {@code /internal/metrics}. HTTP latency ({@code
 * http_server_requests_seconds}) and the pool ({@code hikaricp_connections_*}) come from
 * micronaut-micrometer itself. None of it exists with metrics off ({@code
 * TODO_METRICS_ENABLED=false}).
 */
@Factory
@Requires(beans = MeterRegistry.class)
class ServiceMetrics {

  @Singleton
  MetricsText prometheusText(PrometheusMeterRegistry registry) {
    return registry::scrape;
  }

  /** {@code todo_errors_total{code, status}}: one count per error envelope answered. */
  @Singleton
  ApiErrorListener errorCounter(MeterRegistry registry) {
    return (code, status) ->
        Counter.builder("todo.errors")
            .description("Error responses by the contract's error code")
            .tag("code", code)
            .tag("status", Integer.toString(status))
            .register(registry)
            .increment();
  }

  /** {@code todo_sqlite_write_queue_depth}, {@code _wait_seconds}, {@code _batch_size}. */
  @Singleton
  WriteQueueObserver writeQueue(MeterRegistry registry) {
    var wait =
        Timer.builder("todo.sqlite.write.wait")
            .description("Time a write waited in the queue before the writer started it")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(5))
            .register(registry);
    var batches =
        DistributionSummary.builder("todo.sqlite.write.batch.size")
            .description("Writes run in one transaction")
            .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
            .register(registry);
    return new WriteQueueObserver() {
      @Override
      public void watchDepth(IntSupplier queuedWrites) {
        Gauge.builder("todo.sqlite.write.queue.depth", queuedWrites::getAsInt)
            .description("Writes waiting for the writer thread")
            .register(registry);
      }

      @Override
      public void waited(long nanos) {
        wait.record(Duration.ofNanos(nanos));
      }

      @Override
      public void batchRun(int writes) {
        batches.record(writes);
      }
    };
  }

  /** {@code todo_lease_held}: 1 while this instance holds the writer lease and may write. */
  @Singleton
  @SingleWriter
  MeterBinder leaseHeld(BeanProvider<WriterLeaseKeeper> keeper) {
    return registry ->
        Gauge.builder("todo.lease.held", () -> keeper.get().mayWrite() ? 1 : 0)
            .description("1 while this instance holds the writer lease and may write, else 0")
            .register(registry);
  }

  /**
   * {@code todo_replication_last_sync_age_seconds}, when something reports replication progress
   * (NaN before the first sync).
   */
  @Singleton
  MeterBinder replicationAge(Optional<ReplicationProgress> progress) {
    return registry ->
        progress.ifPresent(
            replication ->
                Gauge.builder("todo.replication.last.sync.age", () -> age(replication))
                    .description("Seconds since the replica last received this database's changes")
                    .baseUnit("seconds")
                    .register(registry));
  }

  private static double age(ReplicationProgress replication) {
    return replication.lastSyncAge().map(age -> age.toMillis() / 1000.0).orElse(Double.NaN);
  }
}

package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.InMemoryWriterLease;
import dev.todo.domain.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lease's failed renewals and the replication's age as meters, without a running service. */
class LeaseAndReplicationMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void failedRenewalsOfTheLeaseAreCounted() {
    var store =
        new InMemoryWriterLease.Store(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    var counting = new LeaseRenewalFailures();
    counting.bindTo(registry);
    var lease = counting.counted(new InMemoryWriterLease(store, "me", Duration.ofSeconds(30)));

    assertThat(lease.acquire()).isTrue();
    assertThat(lease.renew()).isTrue();
    store.goDown();
    assertThat(lease.renew()).isFalse();
    assertThat(lease.renew()).isFalse();

    assertThat(registry.get("todo.lease.renewal.failures").functionCounter().count()).isEqualTo(2);
  }

  @Test
  void theReplicationAgeIsAGaugeInSecondsOnlyWhenReplicationReportsIt() {
    var metrics = new ServiceMetrics();
    metrics.replicationAge(Optional.empty()).bindTo(registry);
    assertThat(registry.find("todo.replication.last.sync.age").gauge()).isNull();

    ReplicationProgress progress = () -> Optional.of(Duration.ofMillis(2500));
    metrics.replicationAge(Optional.of(progress)).bindTo(registry);

    assertThat(registry.get("todo.replication.last.sync.age").gauge().value()).isEqualTo(2.5);
  }
}

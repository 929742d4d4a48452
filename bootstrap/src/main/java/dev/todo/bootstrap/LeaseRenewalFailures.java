package dev.todo.bootstrap;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.port.out.WriterLease;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code todo_lease_renewal_failures_total}: renewals of the writer lease that failed (refused or
 * thrown), counted around the lease itself so that the keeper stays as it is.
 */
@Singleton
@SingleWriter
final class LeaseRenewalFailures implements BeanCreatedEventListener<WriterLease>, MeterBinder {

  private final AtomicLong failures = new AtomicLong();

  @Override
  public WriterLease onCreated(BeanCreatedEvent<WriterLease> event) {
    return counted(event.getBean());
  }

  WriterLease counted(WriterLease lease) {
    return new Counted(lease, failures);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("todo.lease.renewal.failures", failures, AtomicLong::get)
        .description("Renewals of the writer lease that failed")
        .register(registry);
  }

  private record Counted(WriterLease lease, AtomicLong failures) implements WriterLease {

    @Override
    public boolean renew() {
      boolean renewed = false;
      try {
        renewed = lease.renew();
        return renewed;
      } finally {
        if (!renewed) {
          failures.incrementAndGet();
        }
      }
    }

    @Override
    public String holder() {
      return lease.holder();
    }

    @Override
    public Duration ttl() {
      return lease.ttl();
    }

    @Override
    public boolean acquire() {
      return lease.acquire();
    }

    @Override
    public void release() {
      lease.release();
    }

    @Override
    public boolean requestHandover() {
      return lease.requestHandover();
    }

    @Override
    public Optional<HandoverRequest> handoverRequest() {
      return lease.handoverRequest();
    }
  }
}

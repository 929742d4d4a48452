package dev.todo.bootstrap;

import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Traces beyond the HTTP server span that micronaut-tracing makes: the propagator that also reads
 * the load balancer's {@code X-Cloud-Trace-Context}, and spans around the database and storage
 * ports. The use cases get theirs from {@link TracedUseCases}.
 */
@Factory
class TracingWiring {

  @Singleton
  Tracer tracer(OpenTelemetry openTelemetry) {
    return openTelemetry.getTracer("todo");
  }

  /** W3C {@code traceparent} first (as configured), then {@code X-Cloud-Trace-Context}. */
  @Singleton
  OpenTelemetryBuilderCustomizer cloudTracePropagator() {
    return builder ->
        builder.addPropagatorCustomizer(
            (configured, config) ->
                TextMapPropagator.composite(configured, new CloudTraceContextPropagator()));
  }

  @Singleton
  static final class TracedTransactions implements BeanCreatedEventListener<Transactions> {

    private final Tracer tracer;

    TracedTransactions(Tracer tracer) {
      this.tracer = tracer;
    }

    @Override
    public Transactions onCreated(BeanCreatedEvent<Transactions> event) {
      var transactions = event.getBean();
      return new Transactions() {
        @Override
        public <T> T write(Supplier<T> work) {
          return Spans.inSpan(
              tracer, "sqlite write", SpanKind.CLIENT, () -> transactions.write(work));
        }

        @Override
        public <T> T read(Supplier<T> work) {
          return Spans.inSpan(
              tracer, "sqlite read", SpanKind.CLIENT, () -> transactions.read(work));
        }
      };
    }
  }

  @Singleton
  static final class ObservedStorage implements BeanCreatedEventListener<BlobStorage> {

    private final Tracer tracer;
    private final MeterRegistry registry;

    /** Without a registry (metrics off) the counters count nowhere. */
    ObservedStorage(Tracer tracer, Optional<MeterRegistry> registry) {
      this.tracer = tracer;
      this.registry = registry.orElse(Metrics.globalRegistry);
    }

    @Override
    public BlobStorage onCreated(BeanCreatedEvent<BlobStorage> event) {
      return new ObservedBlobStorage(event.getBean(), tracer, bytes("in"), bytes("out"));
    }

    private Counter bytes(String direction) {
      return Counter.builder("todo.attachment.bytes")
          .description("Attachment bytes stored (in) and read (out)")
          .tag("direction", direction)
          .register(registry);
    }
  }
}

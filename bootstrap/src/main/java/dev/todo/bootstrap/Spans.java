package dev.todo.bootstrap;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.function.Supplier;

/** Runs work inside a child span of the current one; a throw marks the span as an error. */
final class Spans {

  private Spans() {}

  static <T> T inSpan(Tracer tracer, String name, SpanKind kind, Supplier<T> work) {
    Span span = tracer.spanBuilder(name).setSpanKind(kind).startSpan();
    try (var scope = span.makeCurrent()) {
      return work.get();
    } catch (RuntimeException | Error e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}

package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudTraceContextPropagatorTest {

  private static final TextMapGetter<Map<String, String>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier.get(key);
        }
      };

  private static SpanContext extract(TextMapPropagator propagator, Map<String, String> headers) {
    return Span.fromContext(propagator.extract(Context.root(), headers, HEADERS)).getSpanContext();
  }

  @Test
  void readsTheTraceTheDecimalSpanIdAndTheSampledOption() {
    var parent =
        extract(
            new CloudTraceContextPropagator(),
            Map.of("x-cloud-trace-context", "105445AA7843BC8BF206B12000100000/1234567890;o=1"));

    assertThat(parent.isRemote()).isTrue();
    assertThat(parent.getTraceId()).isEqualTo("105445aa7843bc8bf206b12000100000");
    assertThat(parent.getSpanId()).isEqualTo("00000000499602d2");
    assertThat(parent.isSampled()).isTrue();
    assertThat(
            extract(
                    new CloudTraceContextPropagator(),
                    Map.of("x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1"))
                .isSampled())
        .isFalse();
  }

  @Test
  void ignoresWhatIsNotTheFormat() {
    for (var value :
        new String[] {
          "",
          "abc/1;o=1",
          "105445aa7843bc8bf206b12000100000",
          "105445aa7843bc8bf206b12000100000/x",
          "00000000000000000000000000000000/1;o=1",
          "105445aa7843bc8bf206b12000100000/0;o=1",
          "105445aa7843bc8bf206b12000100000/99999999999999999999"
        }) {
      assertThat(
              extract(new CloudTraceContextPropagator(), Map.of("x-cloud-trace-context", value))
                  .isValid())
          .as(value)
          .isFalse();
    }
  }

  @Test
  void traceparentWinsWhenBothArrive() {
    var both =
        TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), new CloudTraceContextPropagator());

    var parent =
        extract(
            both,
            Map.of(
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1;o=1"));

    assertThat(parent.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }
}

package dev.todo.bootstrap;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Google's {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=OPTIONS} (trace id 32 hex digits,
 * span id an unsigned decimal, {@code o=1} sampled) when no earlier propagator found a parent, so
 * that the load balancer's trace continues here. Writes nothing: outgoing calls carry {@code
 * traceparent}. No maintained Java propagator for this header is on the registry this project
 * builds from.
 */
final class CloudTraceContextPropagator implements TextMapPropagator {

  static final String HEADER = "x-cloud-trace-context";
  private static final Pattern FORMAT =
      Pattern.compile("([0-9a-fA-F]{32})/([0-9]{1,20})(?:;o=([0-9]+))?");

  @Override
  public Collection<String> fields() {
    return List.of(HEADER);
  }

  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {}

  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (Span.fromContext(context).getSpanContext().isValid()) {
      return context;
    }
    String header = carrier == null ? null : getter.get(carrier, HEADER);
    if (header == null) {
      return context;
    }
    var match = FORMAT.matcher(header.strip());
    if (!match.matches()) {
      return context;
    }
    long spanId;
    try {
      spanId = Long.parseUnsignedLong(match.group(2));
    } catch (NumberFormatException tooLarge) {
      return context;
    }
    boolean sampled = "1".equals(match.group(3));
    var parent =
        SpanContext.createFromRemoteParent(
            match.group(1).toLowerCase(java.util.Locale.ROOT),
            String.format("%016x", spanId),
            sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
            TraceState.getDefault());
    if (!parent.isValid() || TraceId.getInvalid().equals(parent.getTraceId())) {
      return context;
    }
    return context.with(Span.wrap(parent));
  }
}

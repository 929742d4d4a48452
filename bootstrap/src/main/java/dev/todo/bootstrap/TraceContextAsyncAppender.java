package dev.todo.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.opentelemetry.api.trace.Span;
import org.slf4j.event.KeyValuePair;

/**
 * The asynchronous appender, which also stamps each event with the current span on the logging
 * thread (the span is gone by the time the appender's own thread encodes it), as key-value pairs
 * that {@link CloudTraceJsonProvider} writes.
 */
public final class TraceContextAsyncAppender extends AsyncAppender {

  static final String TRACE_ID = "trace_id";
  static final String SPAN_ID = "span_id";
  static final String SAMPLED = "trace_sampled";

  @Override
  protected void preprocess(ILoggingEvent event) {
    var span = Span.current().getSpanContext();
    if (span.isValid() && event instanceof LoggingEvent logging && !stamped(logging)) {
      logging.addKeyValuePair(new KeyValuePair(TRACE_ID, span.getTraceId()));
      logging.addKeyValuePair(new KeyValuePair(SPAN_ID, span.getSpanId()));
      logging.addKeyValuePair(new KeyValuePair(SAMPLED, span.isSampled()));
    }
    super.preprocess(event);
  }

  /** By another such appender the event passed through first. */
  private static boolean stamped(LoggingEvent event) {
    var pairs = event.getKeyValuePairs();
    return pairs != null && pairs.stream().anyMatch(pair -> TRACE_ID.equals(pair.key));
  }
}

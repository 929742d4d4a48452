package dev.todo.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;

/**
 * Writes the span an event was logged in as Cloud Logging's {@code logging.googleapis.com/trace}
 * ({@code projects/<project>/traces/<trace id>}; the bare trace id when no project is configured),
 * {@code logging.googleapis.com/spanId} and {@code logging.googleapis.com/trace_sampled}, from what
 * {@link TraceContextAsyncAppender} stamped.
 */
public final class CloudTraceJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

  private String project = "";

  /** The Google Cloud project of the traces ({@code TODO_TRACE_PROJECT}); empty: none. */
  public void setProject(String project) {
    this.project = project == null ? "" : project.strip();
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
    var pairs = event.getKeyValuePairs();
    if (pairs == null) {
      return;
    }
    for (KeyValuePair pair : pairs) {
      switch (pair.key) {
        case TraceContextAsyncAppender.TRACE_ID ->
            generator.writeStringField("logging.googleapis.com/trace", trace(pair.value));
        case TraceContextAsyncAppender.SPAN_ID ->
            generator.writeStringField("logging.googleapis.com/spanId", (String) pair.value);
        case TraceContextAsyncAppender.SAMPLED ->
            generator.writeBooleanField(
                "logging.googleapis.com/trace_sampled", Boolean.TRUE.equals(pair.value));
        default -> {}
      }
    }
  }

  String trace(Object traceId) {
    return project.isEmpty() ? (String) traceId : "projects/" + project + "/traces/" + traceId;
  }
}

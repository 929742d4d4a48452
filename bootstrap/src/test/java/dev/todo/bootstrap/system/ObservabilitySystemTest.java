package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.todo.bootstrap.CloudTraceJsonProvider;
import dev.todo.bootstrap.TraceContextAsyncAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Metrics at {@code /internal/metrics} and trace ids in the JSON log lines, on the assembled
 * service.
 */
class ObservabilitySystemTest {

  @TempDir static Path directory;
  private static RunningService service;
  private static final String ACCESS_LOG = "dev.todo.adapters.rest.RequestCorrelationFilter";

  private final TraceContextAsyncAppender stamping = new TraceContextAsyncAppender();
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeAll
  static void start() {
    service = new RunningService(directory, Map.of());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @BeforeEach
  void captureAccessLines() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    lines.setContext(context);
    lines.start();
    stamping.setContext(context);
    stamping.addAppender(lines);
    stamping.start();
    ((Logger) LoggerFactory.getLogger(ACCESS_LOG)).addAppender(stamping);
  }

  @AfterEach
  void detach() {
    ((Logger) LoggerFactory.getLogger(ACCESS_LOG)).detachAppender(stamping);
    stamping.stop();
  }

  @Test
  void metricsShowTheRequestLatencyHistogramPerRouteAndTheServicesOwnMeters() {
    assertThat(service.call("GET", "/api/v1/todos").as("alice").send().status()).isEqualTo(200);

    var metrics = service.call("GET", "/internal/metrics").send();

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type"))
        .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.text())
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*method=\"GET\"[^}]*uri=\"/api/v1/todos\"")
        .contains(
            "todo_sqlite_write_queue_depth ",
            "todo_sqlite_write_wait_seconds_bucket",
            "todo_sqlite_write_batch_size_bucket",
            "todo_lease_held 1.0",
            "todo_lease_renewal_failures_total 0.0",
            "todo_attachment_bytes_total{direction=\"in\"}",
            "todo_attachment_bytes_total{direction=\"out\"}",
            "hikaricp_connections_active");
  }

  @Test
  void errorsAreCountedByTheirContractCodeAndStatus() {
    var path = "/api/v1/todos/" + UUID.randomUUID();
    assertThat(service.call("GET", path).as("alice").send().status()).isEqualTo(404);

    assertThat(service.call("GET", "/internal/metrics").send().text())
        .containsPattern("todo_errors_total\\{code=\"TODO_NOT_FOUND\",status=\"404\"} [1-9]");
  }

  @Test
  void aRequestWithTraceparentLogsItsTraceAndItsOwnSpan() throws InterruptedException {
    var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    service
        .call("GET", "/api/v1/todos")
        .as("alice")
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .send();

    var json = accessLineAsJson();
    assertThat(json)
        .contains("\"logging.googleapis.com/trace\":\"projects/test-project/traces/" + traceId)
        .contains("\"logging.googleapis.com/trace_sampled\":true")
        .containsPattern("\"logging.googleapis.com/spanId\":\"[0-9a-f]{16}\"")
        .doesNotContain("\"logging.googleapis.com/spanId\":\"00f067aa0ba902b7\"");
  }

  @Test
  void theLoadBalancersCloudTraceContextIsContinued() throws InterruptedException {
    var traceId = "105445aa7843bc8bf206b12000100000";
    service
        .call("GET", "/api/v1/todos")
        .as("alice")
        .header("X-Cloud-Trace-Context", traceId + "/1;o=1")
        .send();

    assertThat(accessLineAsJson())
        .contains("\"logging.googleapis.com/trace\":\"projects/test-project/traces/" + traceId)
        .contains("\"logging.googleapis.com/trace_sampled\":true");
  }

  @Test
  void withMetricsOffTheServiceRunsAndServesNoMetrics(@TempDir Path elsewhere) {
    try (var quiet = new RunningService(elsewhere, Map.of("micronaut.metrics.enabled", false))) {
      assertThat(quiet.call("GET", "/api/v1/todos").as("alice").send().status()).isEqualTo(200);
      assertThat(quiet.call("GET", "/internal/metrics").send().status()).isEqualTo(404);
    }
  }

  private String accessLineAsJson() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (lines.list.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(lines.list).isNotEmpty();
    var encoder = new LoggingEventCompositeJsonEncoder();
    encoder.setContext(lines.getContext());
    var providers = new LoggingEventJsonProviders();
    var trace = new CloudTraceJsonProvider();
    trace.setProject("test-project");
    providers.addProvider(trace);
    encoder.setProviders(providers);
    encoder.start();
    return new String(encoder.encode(lines.list.getLast()), StandardCharsets.UTF_8);
  }
}

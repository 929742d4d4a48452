package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
  private static EmbeddedServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String ACCESS_LOG = "dev.todo.adapters.rest.RequestCorrelationFilter";

  private final TraceContextAsyncAppender stamping = new TraceContextAsyncAppender();
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeAll
  static void start() {
    server = ServiceOnRandomPort.start(directory, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
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
  void metricsShowTheRequestLatencyHistogramPerRouteAndTheServicesOwnMeters() throws Exception {
    assertThat(get("/api/v1/todos", Map.of("Authorization", bearer("alice"))).statusCode())
        .isEqualTo(200);

    var metrics = get("/internal/metrics", Map.of());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
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
  void errorsAreCountedByTheirContractCodeAndStatus() throws Exception {
    var path = "/api/v1/todos/" + UUID.randomUUID();
    assertThat(get(path, Map.of("Authorization", bearer("alice"))).statusCode()).isEqualTo(404);

    assertThat(get("/internal/metrics", Map.of()).body())
        .containsPattern("todo_errors_total\\{code=\"TODO_NOT_FOUND\",status=\"404\"} [1-9]");
  }

  @Test
  void aRequestWithTraceparentLogsItsTraceAndItsOwnSpan() throws Exception {
    var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    get(
        "/api/v1/todos",
        Map.of(
            "Authorization",
            bearer("alice"),
            "traceparent",
            "00-" + traceId + "-00f067aa0ba902b7-01"));

    var json = accessLineAsJson();
    assertThat(json)
        .contains("\"logging.googleapis.com/trace\":\"projects/test-project/traces/" + traceId)
        .contains("\"logging.googleapis.com/trace_sampled\":true")
        .containsPattern("\"logging.googleapis.com/spanId\":\"[0-9a-f]{16}\"")
        .doesNotContain("\"logging.googleapis.com/spanId\":\"00f067aa0ba902b7\"");
  }

  @Test
  void theLoadBalancersCloudTraceContextIsContinued() throws Exception {
    var traceId = "105445aa7843bc8bf206b12000100000";
    get(
        "/api/v1/todos",
        Map.of("Authorization", bearer("alice"), "X-Cloud-Trace-Context", traceId + "/1;o=1"));

    assertThat(accessLineAsJson())
        .contains("\"logging.googleapis.com/trace\":\"projects/test-project/traces/" + traceId)
        .contains("\"logging.googleapis.com/trace_sampled\":true");
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

  private static HttpResponse<String> get(String path, Map<String, String> headers)
      throws Exception {
    var request = HttpRequest.newBuilder(URI.create(server.getURL() + path));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An unsigned JWT, as the gateway passes it on: the service only decodes it. */
  static String bearer(String subject) {
    var encoder = Base64.getUrlEncoder().withoutPadding();
    var header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    var payload =
        encoder.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8));
    return "Bearer " + header + "." + payload + ".";
  }
}

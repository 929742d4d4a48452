package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class ConsoleLogConfiguratorTest {

  private final LoggerContext logging = new LoggerContext();

  @AfterEach
  void stopLogging() {
    logging.stop();
  }

  @Test
  void isTheConfiguratorLogbackFindsAsAService() {
    assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class))
        .anyMatch(ConsoleLogConfigurator.class::isInstance);
  }

  @Test
  void logsJsonByDefaultThroughTheAsynchronousAppenderThatStampsTheSpan() throws Exception {
    assertThat(configure(Map.of())).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    var root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    var async = (TraceContextAsyncAppender) root.getAppender("json");
    assertThat(async.getQueueSize()).isEqualTo(8192);
    assertThat(async.getDiscardingThreshold()).isZero();
    assertThat(async.isNeverBlock()).isFalse();
    assertThat(async.getAppender("console")).isInstanceOf(ConsoleAppender.class);
    assertThat(logging.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
    assertThat(logging.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
    assertThat(problems()).isEmpty();
  }

  @Test
  void aJsonLineHasCloudLoggingsFieldsTheMdcTheKeyValuePairsTheTraceAndTheStackTrace()
      throws Exception {
    configure(Map.of("GOOGLE_CLOUD_PROJECT", "fallback", "TODO_TRACE_PROJECT", "my-project"));
    var event = event(Level.WARN, new IllegalStateException("boom"));
    event.addKeyValuePair(new KeyValuePair("code", "INVALID_TOKEN"));
    event.addKeyValuePair(
        new KeyValuePair(TraceContextAsyncAppender.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736"));
    event.addKeyValuePair(new KeyValuePair(TraceContextAsyncAppender.SAMPLED, true));

    JsonNode line = new ObjectMapper().readTree(encode("json", event));

    assertThat(line.get("timestamp").asText()).isEqualTo("2026-12-02T10:15:30.123Z");
    assertThat(line.get("severity").asText()).isEqualTo("WARNING");
    assertThat(line.get("message").asText()).isEqualTo("Authentication failed on /api/v1/todos");
    assertThat(line.get("logger").asText()).isEqualTo("dev.todo.Example");
    assertThat(line.get("thread").asText()).isEqualTo("worker-1");
    assertThat(line.get("request_id").asText()).isEqualTo("r-1");
    assertThat(line.get("code").asText()).isEqualTo("INVALID_TOKEN");
    assertThat(line.get("logging.googleapis.com/trace").asText())
        .isEqualTo("projects/my-project/traces/4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(line.get("logging.googleapis.com/trace_sampled").asBoolean()).isTrue();
    assertThat(line.get("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: boom");
  }

  @Test
  void theTraceProjectFallsBackToTheGoogleCloudProject() throws Exception {
    configure(Map.of("GOOGLE_CLOUD_PROJECT", "fallback"));
    var event = event(Level.INFO, null);
    event.addKeyValuePair(new KeyValuePair(TraceContextAsyncAppender.TRACE_ID, "abc"));

    assertThat(
            new ObjectMapper()
                .readTree(encode("json", event))
                .get("logging.googleapis.com/trace")
                .asText())
        .isEqualTo("projects/fallback/traces/abc");
  }

  @Test
  void textIsOneReadableLineWithTheRequestIdAndTheKeyValuePairs() {
    configure(Map.of("TODO_LOG_FORMAT", "text", "TODO_LOG_LEVEL", "debug"));
    var event = event(Level.WARN, null);
    event.addKeyValuePair(new KeyValuePair("code", "INVALID_TOKEN"));

    var root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(root.getAppender("json")).isNull();
    assertThat(encode("text", event))
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.123 WARN  \\[r-1] dev.todo.Example - Authentication failed on"
                + " /api/v1/todos code=\"INVALID_TOKEN\"\\R");
  }

  @Test
  void anUnknownFormatOrLevelIsReportedAndFallsBackToJsonAtInfo() {
    configure(Map.of("TODO_LOG_FORMAT", "xml", "TODO_LOG_LEVEL", "loud"));

    var root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("json")).isInstanceOf(TraceContextAsyncAppender.class);
    assertThat(problems())
        .anyMatch(message -> message.contains("TODO_LOG_FORMAT is json or text, not \"xml\""))
        .anyMatch(message -> message.contains("TODO_LOG_LEVEL") && message.contains("\"loud\""));
  }

  @Test
  void aConfigurationFileNamedOnTheCommandLineReplacesIt() {
    System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, "elsewhere.xml");
    try {
      assertThat(configure(Map.of())).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(logging.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
    } finally {
      System.clearProperty(ContextInitializer.CONFIG_FILE_PROPERTY);
    }
  }

  private ExecutionStatus configure(Map<String, String> settings) {
    var configurator = new ConsoleLogConfigurator(new HashMap<>(settings)::get);
    configurator.setContext(logging);
    return configurator.configure(logging);
  }

  private LoggingEvent event(Level level, Throwable thrown) {
    var event =
        new LoggingEvent(
            Logger.class.getName(),
            logging.getLogger("dev.todo.Example"),
            level,
            "Authentication failed on {}",
            thrown,
            new Object[] {"/api/v1/todos"});
    event.setInstant(Instant.parse("2026-12-02T10:15:30.123Z"));
    event.setThreadName("worker-1");
    event.setMDCPropertyMap(Map.of("request_id", "r-1"));
    return event;
  }

  private String encode(String appender, ILoggingEvent event) {
    var root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
    var console =
        appender.equals("json")
            ? ((TraceContextAsyncAppender) root.getAppender("json")).getAppender("console")
            : root.getAppender("console");
    var encoder = ((OutputStreamAppender<ILoggingEvent>) console).getEncoder();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private java.util.List<String> problems() {
    return logging.getStatusManager().getCopyOfStatusList().stream()
        .filter(status -> status.getLevel() >= Status.WARN)
        .map(Status::getMessage)
        .toList();
  }
}

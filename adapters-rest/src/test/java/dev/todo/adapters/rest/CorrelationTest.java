package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The request id reaches the log lines written on the blocking executor, and only its own. */
@MicronautTest
class CorrelationTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;
  ListAppender<ILoggingEvent> databaseLog = new ListAppender<>();
  ListAppender<ILoggingEvent> accessLog = new ListAppender<>();

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
    attach(ObservedTransactions.class, databaseLog);
    attach(RequestCorrelationFilter.class, accessLog);
  }

  @AfterEach
  void tearDown() {
    ((Logger) LoggerFactory.getLogger(ObservedTransactions.class)).detachAppender(databaseLog);
    ((Logger) LoggerFactory.getLogger(RequestCorrelationFilter.class)).detachAppender(accessLog);
  }

  private static void attach(Class<?> type, ListAppender<ILoggingEvent> appender) {
    var logger = (Logger) LoggerFactory.getLogger(type);
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    appender.start();
    logger.addAppender(appender);
  }

  @Test
  void logLinesOfARequestCarryItsRequestId() {
    for (var id : List.of("first-request", "second-request")) {
      api.get("/api/v1/todos").as("alice").header("X-Request-ID", id).send();
    }
    api.get("/api/v1/todos").as("alice").send();

    // each request reads its caller (known from alice's first request on: the one write) and
    // then lists her to-dos; every transaction is logged from inside its use case
    var useCase =
        databaseLog.list.stream().filter(e -> e.getFormattedMessage().contains("read")).toList();
    assertThat(databaseLog.list).hasSize(7);
    assertThat(databaseLog.list.get(1).getFormattedMessage()).contains("write");
    assertThat(useCase).hasSize(6);
    useCase = List.of(useCase.get(1), useCase.get(3), useCase.get(5));
    assertThat(useCase.get(0).getMDCPropertyMap()).containsEntry("request_id", "first-request");
    assertThat(useCase.get(1).getMDCPropertyMap()).containsEntry("request_id", "second-request");
    assertThat(useCase.get(2).getMDCPropertyMap().get("request_id")).hasSize(36);
    assertThat(useCase.get(0).getThreadName()).doesNotContain("eventLoop");
    assertThat(accessLog.list)
        .extracting(event -> event.getMDCPropertyMap().get("request_id"))
        .startsWith("first-request", "second-request");
    assertThat(accessLog.list.get(0).getFormattedMessage()).startsWith("GET /api/v1/todos 200 ");
  }

  @Test
  void anUnexpectedErrorIsLoggedOnceWithTheRequestId() {
    var errorLog = new ListAppender<ILoggingEvent>();
    attach(UnexpectedErrorHandler.class, errorLog);
    backend.transactions.failWith(new IllegalStateException("broken"));
    try {
      var reply = api.get("/api/v1/todos").as("alice").header("X-Request-ID", "crash-1").send();

      assertThat(reply.status()).isEqualTo(500);
      assertThat(errorLog.list).hasSize(1);
      assertThat(errorLog.list.get(0).getMDCPropertyMap()).containsEntry("request_id", "crash-1");
      assertThat(errorLog.list.get(0).getThrowableProxy().getMessage()).isEqualTo("broken");
    } finally {
      ((Logger) LoggerFactory.getLogger(UnexpectedErrorHandler.class)).detachAppender(errorLog);
    }
  }

  @Test
  void errorsCarryTheSameIdInBodyHeaderAndLog() {
    var reply =
        api.get("/api/v1/todos?page=0").as("alice").header("X-Request-ID", "bad-page").send();

    assertThat(reply.header("X-Request-ID")).isEqualTo("bad-page");
    assertThat(reply.error().get("request_id")).isEqualTo("bad-page");
  }
}

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Authentication failures are WARN lines with their fields, and nothing is stored of them. */
@MicronautTest
class AuthenticationFailureLogTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
  }

  private ILoggingEvent failureOf(Api.Call call) {
    var lines = new ListAppender<ILoggingEvent>();
    var logger = (Logger) LoggerFactory.getLogger(IdentityErrorHandlers.class);
    lines.start();
    logger.addAppender(lines);
    try {
      call.send();
    } finally {
      logger.detachAppender(lines);
    }
    assertThat(lines.list).hasSize(1);
    return lines.list.getFirst();
  }

  private static Map<String, Object> fields(ILoggingEvent line) {
    return line.getKeyValuePairs().stream()
        .filter(pair -> pair.value != null)
        .collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
  }

  @Test
  void aMissingTokenIsAWarningWithTheRequestIdPathAndClient() {
    var line =
        failureOf(api.call("GET", "/api/v1/invites/secret-token").header("X-Request-ID", "r-1"));

    assertThat(line.getLevel()).isEqualTo(Level.WARN);
    assertThat(line.getMDCPropertyMap()).containsEntry("request_id", "r-1");
    assertThat(fields(line))
        .containsEntry("code", "AUTHENTICATION_REQUIRED")
        .containsEntry("path", "/api/v1/invites/***")
        .containsEntry("client", "127.0.0.1");
  }

  @Test
  void anUnreadableTokenIsAWarningToo() {
    var line = failureOf(api.call("GET", "/api/v1/todos").header("Authorization", "Bearer x.y"));

    assertThat(fields(line)).containsEntry("code", "INVALID_TOKEN");
    assertThat(backend.db.audit.all()).isEmpty();
  }
}

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.error.StorageUnavailableException;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures the use cases or the server report, rendered as the contract's error bodies. */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "4096")
// UploadLimits raises the server's limit to the attachment limit plus multipart room (64 KiB).
@Property(name = "todo.attachments.max-bytes", value = "0")
class ErrorResponsesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject FakeTodos todos;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    todos.reset();
  }

  @Test
  void anUnexpectedExceptionIsA500WithoutInternals() {
    todos.failWith(
        new IllegalStateException(
            "SELECT * FROM todo", new SQLException("SQLITE_CORRUPT at dev.todo.Secret")));

    var reply = api.get("/api/v1/todos").as("alice").header("X-Request-ID", "boom-1").send();

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.errorCode()).isEqualTo("INTERNAL_ERROR");
    assertThat(reply.error().get("request_id")).isEqualTo("boom-1");
    assertThat(reply.body())
        .doesNotContain("SELECT", "SQLITE", "Exception", "dev.todo", "java.", "at ");
  }

  @Test
  void anUnavailableDependencyIsA503WithRetryAfter() {
    todos.failWith(
        new ServiceUnavailableException(
            "database busy", Duration.ofMillis(2500), new SQLException("SQLITE_BUSY")));

    var reply = api.get("/api/v1/todos/stats").as("alice").send();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(reply.header("Retry-After")).isEqualTo("3");
    assertThat(reply.body()).doesNotContain("SQLITE");
  }

  @Test
  void anUnavailableObjectStoreIsA503Too() {
    todos.failWith(new StorageUnavailableException("bucket timed out"));

    var reply = api.call("DELETE", "/api/v1/todos?status=all").as("alice").send();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(reply.body()).doesNotContain("bucket");
  }

  @Test
  void aBodyOverTheServersLimitIsA413() {
    var reply =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .json("{\"title\":\"x\",\"notes\":\"" + "n".repeat(100_000) + "\"}")
            .send();

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(reply.header("X-Request-ID")).isNotBlank();
  }
}

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.error.DatabaseFailureException;
import dev.todo.domain.error.ServiceUnavailableException;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures of the database, the file store or the server, rendered as the contract's errors. */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "4096")
// UploadLimits raises the server's limit to the attachment limit plus multipart room (64 KiB).
@Property(name = "todo.attachments.max-bytes", value = "0")
class ErrorResponsesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
  }

  @Test
  void anUnexpectedExceptionIsA500WithoutInternals() {
    backend.transactions.failWith(
        new DatabaseFailureException(
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
    backend.transactions.failWith(
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
    // reconcile lists the store itself: its StorageUnavailableException reaches the adapter as is
    backend.blobs.goDown();

    var reply = api.call("POST", "/api/v1/admin/attachments/reconcile").as("root", "admin").send();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(reply.body()).doesNotContain("simulated", "outage");
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

  @Test
  void aRequestLineOverNettysLimitIs414InTheEnvelopeOnEveryPath() {
    // micronaut.server.netty.max-initial-line-length: 4096 by default
    for (var path : List.of("/api/v1/todos?q=" + "x".repeat(5000), "/" + "app".repeat(2000))) {
      var reply = api.get(path).as("alice").send();

      assertThat(reply.status()).isEqualTo(414);
      assertThat(reply.errorCode()).isEqualTo("URI_TOO_LONG");
      assertThat(reply.error().get("message")).isEqualTo("URI too long");
      assertThat(reply.header("X-Request-ID")).isNotBlank();
    }
  }

  @Test
  void headersOverNettysLimitAre431InTheEnvelope() {
    // micronaut.server.netty.max-header-size: 8192 by default, all header lines together
    var reply =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .header("X-Padding", "p".repeat(9000))
            .json("{\"title\":\"x\"}")
            .send();

    assertThat(reply.status()).isEqualTo(431);
    assertThat(reply.errorCode()).isEqualTo("REQUEST_HEADER_FIELDS_TOO_LARGE");
    assertThat(reply.header("X-Request-ID")).isNotBlank();
    assertThat(api.get("/api/v1/todos").as("alice").send().body()).contains("\"total_count\":0");
  }

  @Test
  void anUploadOverTheServersLimitIsA413AndStoresNothing() {
    // the file itself is empty: only the server's limit (64 KiB here) can refuse this body
    var todo = backend.todo("alice", "with files").id();
    String boundary = "b0undary";
    String body =
        "p".repeat(70_000)
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n\r\n--"
            + boundary
            + "--\r\n";

    var reply =
        api.call("POST", "/api/v1/todos/" + todo + "/attachments")
            .as("alice")
            .body(body, "multipart/form-data; boundary=" + boundary)
            .send();

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(backend.db.attachments.findByTodo(todo)).isEmpty();
    assertThat(backend.blobs.names()).isEmpty();
  }

  @Test
  void aRequestTargetThatIsNotAUriIs400InTheEnvelopeOnEveryPath() {
    // Micronaut cannot parse these and hands the error over on a stand-in request for "/"
    for (var target : List.of("/api/v1/todos?status=%", "/api/v1/todos?q=%ZZ", "/%", "/a b")) {
      var reply = RawHttp.get(server, target, Tokens.bearer("alice"));

      assertThat(reply.status()).as(reply.head()).isEqualTo(400);
      assertThat(reply.body())
          .as(reply.head())
          .startsWith("{\"error\":{\"code\":\"MALFORMED_REQUEST\"");
    }
  }
}

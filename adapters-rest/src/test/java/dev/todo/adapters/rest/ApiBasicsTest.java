package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Headers, error envelope and identity rules that every route shares. */
@MicronautTest
class ApiBasicsTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(server.getURL(), json);
  }

  @Test
  void aValidRequestIdIsEchoed() {
    var reply = api.get("/api/v1/health").header("X-Request-ID", "abc.DEF_12-3").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Request-ID")).isEqualTo("abc.DEF_12-3");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void anInvalidRequestIdIsReplacedByAUuid() {
    var tooLong = "a".repeat(129);
    for (var bad : new String[] {"has space", "semi;colon", tooLong, "é"}) {
      var reply = api.get("/api/v1/health").header("X-Request-ID", bad).send();
      assertThat(reply.header("X-Request-ID"))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
    assertThat(api.get("/api/v1/health").send().header("X-Request-ID")).hasSize(36);
    assertThat(
            api.get("/api/v1/health")
                .header("X-Request-ID", "a".repeat(128))
                .send()
                .header("X-Request-ID"))
        .hasSize(128);
  }

  @Test
  void anUnknownApiRouteIsAJson404WithTheRequestId() {
    var reply = api.get("/api/v1/nothing-here").as("alice").header("X-Request-ID", "r-404").send();

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    var error = reply.error();
    assertThat(error.get("code")).isEqualTo("NOT_FOUND");
    assertThat(error.get("request_id")).isEqualTo("r-404");
    assertThat((String) error.get("timestamp"))
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    assertThat(error).containsKeys("message", "details");
    assertThat(reply.header("X-Request-ID")).isEqualTo("r-404");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aWrongMethodIsAJson405() {
    var reply = api.call("DELETE", "/api/v1/health").send();

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void nonApiPathsAreLeftToTheBrowserApp() {
    var reply = api.get("/js/missing.js").header("Accept", "*/*").send();

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).doesNotContain("\"request_id\"");
    assertThat(reply.header("Cache-Control")).isNotEqualTo("no-store");
    assertThat(reply.header("X-Request-ID")).isNotBlank();
  }

  @Test
  void emptyListsAreWrittenNotOmitted() throws Exception {
    // Micronaut Serde leaves out empty collections unless a record says ALWAYS
    assertThat(json.writeValueAsString(new AttachmentResponse.ListResponse(List.of())))
        .isEqualTo("{\"data\":[]}");
    assertThat(json.writeValueAsString(new AttachmentResponse.ReconcileResponse(0, List.of())))
        .isEqualTo("{\"examined\":0,\"removed\":[]}");
    assertThat(json.writeValueAsString(new MeController.MeResponse("u", null, null, List.of())))
        .isEqualTo("{\"id\":\"u\",\"email\":null,\"name\":null,\"roles\":[]}");
  }

  @Test
  void configIsPublic() {
    var reply = api.get("/api/v1/config").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map())
        .isEqualTo(
            Map.of(
                "oidc",
                Map.of(
                    "issuer", "http://localhost:8081/todo",
                    "client_id", "todo-web",
                    "scope", "openid profile email"),
                "attachments",
                Map.of("max_bytes", 10485760, "max_per_todo", 20)));
  }
}

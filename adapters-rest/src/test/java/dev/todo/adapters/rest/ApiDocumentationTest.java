package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated OpenAPI document and the self-hosted Swagger UI. */
@MicronautTest
class ApiDocumentationTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(server.getURL(), json);
  }

  @Test
  void theDocumentListsEveryRouteOfTheContract() {
    var reply = api.get("/api/v1/openapi.yml").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/yaml");
    assertThat(reply.body())
        .startsWith("openapi: 3.")
        .contains(
            "  /api/v1/todos:\n    get:",
            "  /api/v1/todos/{id}:\n",
            "  /api/v1/todos/stats:\n",
            "  /api/v1/me:\n",
            "  /api/v1/config:\n",
            "  /api/v1/health:\n",
            "application/merge-patch+json",
            "page_size",
            "completed_at",
            "request_id",
            "bearerFormat: JWT");
    // micronaut-openapi 6.20 turns a class-level @Schema on a record into a stray property named
    // after the class: properties are snake_case, so a capitalised one is that bug back
    assertThat(reply.body()).doesNotContainPattern("\n        [A-Z][A-Za-z.]*:\n");
  }

  @Test
  void swaggerUiIsServedWithItsOwnAssets() {
    var page = api.get("/docs").send();

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.body()).contains("/api/v1/openapi.yml").doesNotContain("unpkg", "cdn.");
    var assets = Pattern.compile("\"(/docs/res/[^\"]+)\"").matcher(page.body());
    int count = 0;
    while (assets.find()) {
      var asset = api.get(assets.group(1)).send();
      assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
      count++;
    }
    assertThat(count).isGreaterThanOrEqualTo(4);
    assertThat(api.get("/docs/res/../../openapi.yml").send().status()).isEqualTo(404);
    assertThat(api.get("/docs/res/nothing.js").send().status()).isEqualTo(404);
  }
}

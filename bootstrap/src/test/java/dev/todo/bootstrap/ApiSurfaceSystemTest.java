package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the API's part of the site meets the browser app's in the assembled service: API errors
 * stay JSON even for a browser, the documentation is not swallowed by the app's fallback, and the
 * request id runs through both.
 */
class ApiSurfaceSystemTest {

  @TempDir static Path directory;
  private static EmbeddedServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = ServiceOnRandomPort.start(directory, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.getURL() + path));
  }

  private static String token(String subject) {
    var encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + encoder.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  @Test
  void anUnknownApiRouteIsAJsonErrorEvenForABrowser() throws Exception {
    var response =
        send(
            request("/api/v1/nothing")
                .header("Accept", "text/html")
                .header("X-Request-ID", "nav-1"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .startsWith("{\"error\":{\"code\":\"NOT_FOUND\"")
        .contains("\"request_id\":\"nav-1\"");
    assertThat(response.headers().firstValue("Content-Security-Policy")).isEmpty();
    assertThat(response.headers().firstValue("X-Request-ID")).contains("nav-1");
  }

  @Test
  void theAppsOwnRoutesStillFallBackToItsPageWithARequestId() throws Exception {
    var response = send(request("/auth/callback").header("Accept", "text/html"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("new-todo");
    assertThat(response.headers().firstValue("X-Request-ID")).isPresent();
  }

  @Test
  void swaggerUiRedocAndTheDocumentAreServedByTheApiNotTheApp() throws Exception {
    var page = send(request("/docs").header("Accept", "text/html"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui").doesNotContain("new-todo");
    var document = send(request("/api/v1/openapi.yml"));
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/api/v1/todos/{id}:", "/api/v1/me:");
    var redoc = send(request("/redoc").header("Accept", "text/html"));
    assertThat(redoc.statusCode()).isEqualTo(200);
    assertThat(redoc.body()).contains("<redoc", "/redoc/res/").doesNotContain("new-todo");
    assertThat(redoc.headers().firstValue("Content-Security-Policy").orElseThrow())
        .as("the documentation's own policy, not the app's")
        .contains("worker-src blob:", "frame-ancestors 'none'");
    var json = send(request("/api/v1/openapi.json"));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("\"/api/v1/todos/{id}\"", "\"title\" : \"To-do API\"");
  }

  @Test
  void aToDoMakesTheRoundTripThroughTheRealDatabase() throws Exception {
    var bearer = "Bearer " + token("surface-user");
    var created =
        send(
            request("/api/v1/todos")
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"  Round trip \"}")));
    assertThat(created.statusCode()).isEqualTo(201);
    var location = created.headers().firstValue("Location").orElseThrow();

    var read = send(request(location).header("Authorization", bearer));

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(read.body()).contains("\"title\":\"Round trip\"", "\"notes\":null");
    var stale =
        send(
            request(location)
                .header("Authorization", bearer)
                .header("If-Match", "\"7\"")
                .header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("x")));
    assertThat(stale.statusCode()).isEqualTo(412);
  }
}

package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser app as the assembled service serves it: files, SPA fallback, security headers. */
class BrowserAppSystemTest {

  @TempDir static Path directory;
  private static EmbeddedServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        ServiceOnRandomPort.start(
            directory, Map.of("todo.oidc.issuer", "https://login.example.com:8443/realms/todo"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRootIsTheAppWithAPolicyThatAllowsNoInlineScript() throws Exception {
    var response = get("/", "text/html");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("<input id=\"new-todo\" class=\"new-todo\"");
    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self';")
        .contains("style-src 'self';")
        .contains("connect-src 'self' https://login.example.com:8443;")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void modulesAndStylesAreServedWithTheirTypes() throws Exception {
    var script = get("/js/app.js", "*/*");
    var style = get("/css/app.css", "text/css,*/*;q=0.1");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(script.body()).contains("import");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
  }

  @Test
  void theAppsOwnRoutesFallBackToIndexHtml() throws Exception {
    var callback = get("/auth/callback?code=x&state=y", "text/html,application/xhtml+xml");
    var signedOut = get("/signed-out", "text/html");

    assertThat(callback.statusCode()).isEqualTo(200);
    assertThat(callback.body()).contains("class=\"todoapp\"");
    assertThat(callback.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(signedOut.statusCode()).isEqualTo(200);
  }

  @Test
  void aMissingFileThatIsNotAPageStaysNotFound() throws Exception {
    assertThat(get("/js/missing.js", "*/*").statusCode()).isEqualTo(404);
  }

  @Test
  void apiPathsAreLeftToTheApi() throws Exception {
    var missing = get("/api/v1/no-such-route", "text/html");
    var health = get("/api/v1/health", "application/json");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Security-Policy")).isEmpty();
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Content-Security-Policy")).isEmpty();
  }
}

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
    // the metrics scrape is for the sidecar, not part of the public API
    assertThat(reply.body()).doesNotContain("/internal");
  }

  @Test
  void everyOperationStatesItsResponses() {
    var document = operations(api.get("/api/v1/openapi.yml").send().body());

    var common = List.of("401", "403");
    var files = List.of("404", "503");
    var expected = new TreeMap<String, List<String>>();
    expected.put("POST /api/v1/admin/attachments/reconcile", List.of("200"));
    expected.put("GET /api/v1/config", List.of("200"));
    expected.put("GET /api/v1/health", List.of("200"));
    expected.put("GET /api/v1/health/live", List.of("200"));
    expected.put("GET /api/v1/me", List.of("200"));
    expected.put("GET /api/v1/me/export", concat(common, "200"));
    expected.put("DELETE /api/v1/me", concat(common, "204", "400"));
    expected.put("GET /api/v1/lists", concat(common, "200"));
    expected.put("POST /api/v1/lists", concat(common, "201", "400", "415"));
    expected.put("GET /api/v1/lists/{listId}", concat(common, "200", "304", "404"));
    expected.put(
        "PATCH /api/v1/lists/{listId}", concat(common, "200", "400", "404", "409", "412", "415"));
    expected.put("DELETE /api/v1/lists/{listId}", concat(common, "204", "404", "409", "412"));
    var member = List.of("400", "401", "403", "404", "409", "415");
    expected.put("GET /api/v1/lists/{listId}/members", concat(common, "200", "404"));
    expected.put("POST /api/v1/lists/{listId}/members", concat(member, "200", "201"));
    expected.put("PUT /api/v1/lists/{listId}/members/{userId}", concat(member, "200", "201"));
    expected.put(
        "DELETE /api/v1/lists/{listId}/members/{userId}", concat(common, "204", "404", "409"));
    expected.put("POST /api/v1/lists/{listId}/invites", concat(member, "201"));
    expected.put("GET /api/v1/lists/{listId}/invites", concat(common, "200", "404"));
    expected.put("DELETE /api/v1/lists/{listId}/invites/{inviteId}", concat(common, "204", "404"));
    expected.put("GET /api/v1/invites/{token}", concat(common, "200", "404"));
    expected.put("POST /api/v1/invites/{token}/accept", concat(common, "200", "404"));
    // 404: the list_id of the query or body names no list the caller can read
    expected.put("GET /api/v1/todos", concat(common, "200", "400", "404"));
    expected.put("POST /api/v1/todos", concat(common, "201", "400", "404", "415"));
    expected.put("PATCH /api/v1/todos", concat(common, "200", "400", "404", "415"));
    expected.put("DELETE /api/v1/todos", concat(common, "200", "404"));
    expected.put("GET /api/v1/todos/stats", concat(common, "200", "404"));
    expected.put("GET /api/v1/todos/{id}", concat(common, "200", "304", "404"));
    expected.put("PUT /api/v1/todos/{id}", concat(common, "200", "400", "404", "412", "415"));
    expected.put("PATCH /api/v1/todos/{id}", concat(common, "200", "400", "404", "412", "415"));
    expected.put("DELETE /api/v1/todos/{id}", concat(common, "204", "404", "412"));
    expected.put("GET /api/v1/todos/{id}/attachments", concat(files, "200"));
    expected.put("POST /api/v1/todos/{id}/attachments", concat(files, "201", "400", "413", "415"));
    expected.put("GET /api/v1/todos/{id}/attachments/{attachmentId}", concat(files, "200"));
    expected.put(
        "GET /api/v1/todos/{id}/attachments/{attachmentId}/content", concat(files, "200", "206"));
    expected.put("DELETE /api/v1/todos/{id}/attachments/{attachmentId}", concat(files, "204"));
    expected.put("GET /api/v1/trash", concat(common, "200", "400", "404"));
    expected.put("DELETE /api/v1/trash", concat(common, "200", "404"));
    expected.put("DELETE /api/v1/trash/{id}", concat(common, "204", "404"));
    expected.put("POST /api/v1/todos/{id}/restore", concat(common, "200", "404", "409"));
    expected.put("POST /api/v1/admin/trash/purge", concat(common, "200"));
    expected.put("GET /api/v1/lists/{listId}/activity", concat(common, "200", "400", "404"));
    expected.put("GET /api/v1/admin/audit", concat(common, "200", "400", "404"));
    expected.put("GET /api/v1/todos/{id}/steps", concat(common, "200", "404"));
    expected.put("POST /api/v1/todos/{id}/steps", concat(common, "201", "400", "404", "415"));
    expected.put(
        "PATCH /api/v1/todos/{id}/steps/{stepId}", concat(common, "200", "400", "404", "415"));
    expected.put("DELETE /api/v1/todos/{id}/steps/{stepId}", concat(common, "204", "404"));
    expected.put("GET /api/v1/sync", concat(common, "200", "400", "410"));
    var responses = new TreeMap<String, List<String>>();
    document.forEach((operation, lines) -> responses.put(operation, codes(lines)));
    assertThat(responses).isEqualTo(expected);
    assertThat(document.get("PATCH /api/v1/todos/{id}"))
        .contains("          application/merge-patch+json:", "          application/json:");
  }

  private static List<String> concat(List<String> shared, String... own) {
    var all = new TreeSet<>(shared);
    all.addAll(List.of(own));
    return List.copyOf(all);
  }

  /** The lines of each operation under {@code paths}, by "METHOD /path". */
  private static Map<String, List<String>> operations(String yaml) {
    var operations = new TreeMap<String, List<String>>();
    var path = Pattern.compile("  (/\\S+):");
    var method = Pattern.compile("    (get|post|put|patch|delete):");
    String currentPath = null;
    List<String> current = null;
    for (var line : yaml.substring(0, yaml.indexOf("\ncomponents:")).split("\n")) {
      var p = path.matcher(line);
      var m = method.matcher(line);
      if (p.matches()) {
        currentPath = p.group(1);
      } else if (m.matches()) {
        current = new ArrayList<>();
        operations.put(m.group(1).toUpperCase(Locale.ROOT) + " " + currentPath, current);
      } else if (current != null) {
        current.add(line);
      }
    }
    return operations;
  }

  private static List<String> codes(List<String> operation) {
    var code = Pattern.compile("        \"(\\d{3})\":");
    int start = operation.indexOf("      responses:");
    var codes = new TreeSet<String>();
    for (var line : operation.subList(start + 1, operation.size())) {
      if (!line.startsWith("        ")) {
        break;
      }
      var m = code.matcher(line);
      if (m.matches()) {
        codes.add(m.group(1));
      }
    }
    return List.copyOf(codes);
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

  @Test
  void swaggerUiHasAPolicyThatLetsItsOwnFilesRunAndNothingElse() throws Exception {
    var page = api.get("/docs").send();
    var csp = page.header("Content-Security-Policy");

    assertThat(csp)
        .contains(
            "default-src 'none'",
            "style-src 'self';",
            "img-src 'self' data:;",
            "connect-src 'self';",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    // the page's inline script runs by its hash; no inline style, no inline event handler
    var inline = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
    var scripts = new ArrayList<String>();
    while (inline.find()) {
      var hash =
          MessageDigest.getInstance("SHA-256")
              .digest(inline.group(1).getBytes(StandardCharsets.UTF_8));
      scripts.add("'sha256-" + Base64.getEncoder().encodeToString(hash) + "'");
    }
    assertThat(scripts).isNotEmpty();
    assertThat(csp).contains("script-src 'self' " + String.join(" ", scripts) + ";");
    assertThat(page.body()).doesNotContainPattern("(?i)<style|\\sstyle=|\\son[a-z]+=|<script\\s");
    // what the page loads is served from here with its type, the policy and nosniff
    var assets = Pattern.compile("\"(/docs/res/[^\"]+\\.(js|css|png))\"").matcher(page.body());
    while (assets.find()) {
      var asset = api.get(assets.group(1)).send();
      assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
      assertThat(asset.header("Content-Type"))
          .as(assets.group(1))
          .startsWith(
              Map.of("js", "text/javascript", "css", "text/css", "png", "image/png")
                  .get(assets.group(2)));
      assertThat(asset.header("Content-Security-Policy")).isEqualTo(csp);
      assertThat(asset.header("X-Content-Type-Options")).isEqualTo("nosniff");
      if (assets.group(2).equals("js")) {
        // no eval needed, so no 'unsafe-eval'
        assertThat(evalLike(asset.body())).as(assets.group(1)).isEmpty();
      }
      if (assets.group(2).equals("css")) {
        // images in the stylesheets are data: URLs, which img-src allows
        assertThat(Pattern.compile("url\\((?!\"?data:)").matcher(asset.body()).find())
            .as(assets.group(1))
            .isFalse();
      }
    }
  }

  @Test
  void theDocumentIsAlsoJsonWithRealSchemaNamesTitledAfterTheApiAndLinkingToTheApp()
      throws Exception {
    var yaml = api.get("/api/v1/openapi.yml").send().body();
    var reply = api.get("/api/v1/openapi.json").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    @SuppressWarnings("unchecked")
    Map<String, Object> document = json.readValue(reply.body(), Map.class);
    assertThat(document.get("openapi")).asString().startsWith("3.");
    @SuppressWarnings("unchecked")
    var info = (Map<String, Object>) document.get("info");
    assertThat(info.get("title")).isEqualTo("To-do API");
    assertThat(yaml).contains("title: To-do API");
    assertThat(info.get("description")).asString().contains("[Open the to-do app](/)");
    @SuppressWarnings("unchecked")
    var paths = (Map<String, Map<String, Object>>) document.get("paths");
    var fromJson = new TreeSet<String>();
    paths.forEach(
        (path, methods) ->
            methods.keySet().forEach(m -> fromJson.add(m.toUpperCase(Locale.ROOT) + " " + path)));
    assertThat(fromJson).isEqualTo(operations(yaml).keySet()).hasSizeGreaterThan(40);
    @SuppressWarnings("unchecked")
    var schemas =
        ((Map<String, Map<String, Object>>) document.get("components")).get("schemas").keySet();
    assertThat(schemas)
        .contains("TodoResponse", "ErrorBody", "ConfigResponse", "AttachmentList", "PageMeta")
        .allSatisfy(
            name ->
                assertThat(name)
                    .matches("[A-Z][A-Za-z]+")
                    .doesNotContain("Controller")
                    .isNotEqualTo("Object"));
    // every $ref names a schema that is there, in both forms of the document
    var refs = Pattern.compile("#/components/schemas/([A-Za-z.]+)").matcher(reply.body() + yaml);
    while (refs.find()) {
      assertThat(schemas).contains(refs.group(1));
    }
  }

  @Test
  void bothPagesAreTitledAfterTheApiAndLoadNothingFromElsewhere() {
    for (var path : List.of("/docs", "/redoc")) {
      var page = api.get(path).send();
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("<title>To-do API</title>");
      // offline: no script, style, image or font from another origin (no URL with a scheme at all)
      assertThat(page.body())
          .as(path)
          .doesNotContainPattern("(?i)(https?:)?//[a-z0-9-]+(\\.[a-z0-9-]+)+");
    }
  }

  @Test
  void redocIsServedWithItsOwnScriptAndAPolicyWithAFreshNonce() {
    var page = api.get("/redoc").send();
    var csp = page.header("Content-Security-Policy");

    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    var nonce = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(csp);
    assertThat(nonce.find()).isTrue();
    assertThat(csp)
        .contains(
            "default-src 'none'",
            "script-src 'self' 'nonce-" + nonce.group(1) + "';",
            "style-src 'self' 'nonce-" + nonce.group(1) + "';",
            "worker-src blob:",
            "connect-src 'self';",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    // its inline script and style run by the nonce, and ReDoc puts it on the styles it adds
    assertThat(page.body())
        .contains(
            "<script nonce=\"" + nonce.group(1) + "\">",
            "<style nonce=\"" + nonce.group(1) + "\">",
            "/api/v1/openapi.json', { nonce: '" + nonce.group(1) + "' })",
            "/redoc/res/redoc.standalone.js")
        .doesNotContainPattern("(?i)<script>|<style>|\\sstyle=|\\son[a-z]+=");
    assertThat(api.get("/redoc").send().header("Content-Security-Policy"))
        .as("a new nonce for every page")
        .isNotEqualTo(csp);

    var script = api.get("/redoc/res/redoc.standalone.js").send();
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("text/javascript");
    assertThat(script.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(script.header("Content-Security-Policy")).doesNotContain("nonce", "unsafe");
    assertThat(evalLike(script.body())).isEmpty();
    assertThat(api.get("/redoc/res/../../openapi.yml").send().status()).isEqualTo(404);
    assertThat(api.get("/redoc/res/index.html").send().status()).isEqualTo(404);
  }

  /**
   * Calls of eval or of the Function constructor, but for two fallbacks that a browser with CSP
   * never reaches: the global lookup {@code Function("return this")} (webpack, lodash; behind
   * {@code globalThis}) and the function-bind polyfill's {@code Function("binder", ...)} (behind
   * {@code Function.prototype.bind}).
   */
  private static List<String> evalLike(String script) {
    var calls =
        Pattern.compile("(?<![\\w$.])(eval|Function)\\((?!\"return this\"\\)|\"binder\",)")
            .matcher(script);
    var found = new ArrayList<String>();
    while (calls.find()) {
      found.add(script.substring(Math.max(0, calls.start() - 40), calls.end() + 20));
    }
    return found;
  }
}

package dev.todo.adapters.rest;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves what micronaut-openapi generated at compile time: the OpenAPI document at {@code
 * /api/v1/openapi.yml} and Swagger UI with its bundled scripts at {@code /docs} (no CDN).
 *
 * <p>Swagger UI runs on the app's origin, so its page and files carry a Content-Security-Policy of
 * their own: scripts, styles, images and requests from this origin only, plus the page's one inline
 * script by its SHA-256 (computed from the generated page at start-up, so it follows a new
 * micronaut-openapi); {@code data:} images (the stylesheet's icons); no eval (the bundles' only
 * {@code Function("return this")} is a fallback behind {@code globalThis}), no inline styles (React
 * sets styles through the DOM, which CSP allows); never framed ({@code frame-ancestors 'none'},
 * {@code X-Frame-Options: DENY}); {@code nosniff}.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiDocumentationController {

  private static final String SPEC = "classpath:META-INF/swagger/openapi.yml";
  private static final String UI = "classpath:META-INF/swagger/views/swagger-ui/";
  private static final Map<String, MediaType> UI_TYPES =
      Map.of(
          "css", MediaType.of("text/css"),
          "js", MediaType.of("text/javascript"),
          "png", MediaType.IMAGE_PNG_TYPE);

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private final ResourceResolver resources;
  private final String contentSecurityPolicy;

  ApiDocumentationController(ResourceResolver resources) {
    this.resources = resources;
    this.contentSecurityPolicy = contentSecurityPolicy(page(resources));
  }

  private static String page(ResourceResolver resources) {
    try (var in = resources.getResourceAsStream(UI + "index.html").orElse(null)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policy for Swagger UI's page and files, allowing the page's inline scripts by hash. */
  static String contentSecurityPolicy(String page) {
    var scripts = new StringBuilder("'self'");
    var inline = INLINE_SCRIPT.matcher(page);
    while (inline.find()) {
      scripts.append(" 'sha256-").append(sha256(inline.group(1))).append('\'');
    }
    return String.join(
        "; ",
        "default-src 'none'",
        "script-src " + scripts,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");
  }

  private static String sha256(String script) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Get(uri = "/api/v1/openapi.yml", produces = "application/yaml")
  HttpResponse<StreamedFile> openApi() {
    return file(SPEC, MediaType.of("application/yaml"));
  }

  @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
  HttpResponse<StreamedFile> swaggerUi() {
    return protect(file(UI + "index.html", MediaType.TEXT_HTML_TYPE));
  }

  @Get(uri = "/docs/res/{name}")
  HttpResponse<StreamedFile> swaggerUiResource(@PathVariable String name) {
    var dot = name.lastIndexOf('.');
    var type = dot < 0 ? null : UI_TYPES.get(name.substring(dot + 1));
    if (type == null || !name.matches("[A-Za-z0-9._-]+") || name.contains("..")) {
      return protect(HttpResponse.notFound());
    }
    return protect(file(UI + "res/" + name, type));
  }

  private MutableHttpResponse<StreamedFile> protect(MutableHttpResponse<StreamedFile> response) {
    return response
        .header("Content-Security-Policy", contentSecurityPolicy)
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff");
  }

  private MutableHttpResponse<StreamedFile> file(String location, MediaType type) {
    return resources
        .getResource(location)
        .<MutableHttpResponse<StreamedFile>>map(
            url ->
                HttpResponse.ok(new StreamedFile(url))
                    .contentType(type)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache"))
        .orElseGet(HttpResponse::notFound);
  }
}

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
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves what micronaut-openapi generated at build time: the OpenAPI document at {@code
 * /api/v1/openapi.yml} and {@code /api/v1/openapi.json}, Swagger UI at {@code /docs} and ReDoc at
 * {@code /redoc}, each page with its bundled scripts (no CDN; both work offline) and titled after
 * the API ({@link ApiDefinition#TITLE}). The document's description links back to the app.
 *
 * <p>Both pages run on the app's origin, so they and their files carry a Content-Security-Policy of
 * their own: scripts, styles, images and requests from this origin only; never framed ({@code
 * frame-ancestors 'none'}, {@code X-Frame-Options: DENY}); {@code nosniff}; no eval, no {@code
 * 'unsafe-inline'}. Swagger UI's page has one inline script, allowed by its SHA-256 (computed from
 * the generated page at start-up, so it follows a new micronaut-openapi); React sets its styles
 * through the DOM, which CSP allows; {@code data:} images are the stylesheet's icons. ReDoc writes
 * its styles as {@code <style>} elements (styled-components): each page gets a fresh nonce, on its
 * inline script and style and handed to {@code Redoc.init}, which puts it on every style it adds;
 * its search runs in a worker made from a {@code blob:} URL ({@code worker-src blob:}).
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiDocumentationController {

  private static final String SPEC = "classpath:META-INF/swagger/openapi";
  private static final String SWAGGER_UI = "classpath:META-INF/swagger/views/swagger-ui/";
  private static final String REDOC = "classpath:META-INF/swagger/views/redoc/";
  private static final Map<String, MediaType> SWAGGER_UI_TYPES =
      Map.of(
          "css", MediaType.of("text/css"),
          "js", MediaType.of("text/javascript"),
          "png", MediaType.IMAGE_PNG_TYPE);
  private static final Map<String, MediaType> REDOC_TYPES =
      Map.of("js", MediaType.of("text/javascript"));

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE =
      Pattern.compile("<title>.*?</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern REDOC_INIT = Pattern.compile("Redoc\\.init\\(([^;)]*)\\)");
  private static final String NONCE = "{{nonce}}";

  private final ResourceResolver resources;
  private final SecureRandom random = new SecureRandom();
  private final String swaggerUiPage;
  private final String swaggerUiPolicy;
  private final String redocPage;

  ApiDocumentationController(ResourceResolver resources) {
    this.resources = resources;
    this.swaggerUiPage = titled(page(resources, SWAGGER_UI));
    this.swaggerUiPolicy = contentSecurityPolicy(swaggerUiPage);
    this.redocPage = redocWithNonce(titled(page(resources, REDOC)));
  }

  private static String page(ResourceResolver resources, String view) {
    try (var in = resources.getResourceAsStream(view + "index.html").orElse(null)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generated page's title ("To-do API-1", name and version) as the API's own. */
  static String titled(String page) {
    return TITLE.matcher(page).replaceFirst("<title>" + ApiDefinition.TITLE + "</title>");
  }

  /**
   * ReDoc's page with a placeholder for each response's nonce: on the inline script and style, and
   * as ReDoc's {@code nonce} option, so that the styles it adds carry it too.
   */
  static String redocWithNonce(String page) {
    var init = REDOC_INIT.matcher(page);
    if (!init.find()) {
      return page;
    }
    return init.replaceFirst(
            Matcher.quoteReplacement(
                "Redoc.init(" + init.group(1) + ", { nonce: '" + NONCE + "' })"))
        .replace("<script>", "<script nonce=\"" + NONCE + "\">")
        .replace("<style>", "<style nonce=\"" + NONCE + "\">");
  }

  /** The policy for Swagger UI's page and files, allowing the page's inline scripts by hash. */
  static String contentSecurityPolicy(String page) {
    var scripts = new StringBuilder("'self'");
    var inline = INLINE_SCRIPT.matcher(page);
    while (inline.find()) {
      scripts.append(" 'sha256-").append(sha256(inline.group(1))).append('\'');
    }
    return policy("script-src " + scripts, "style-src 'self'");
  }

  /** The policy for ReDoc's page (with its nonce) and files (without: {@code null}). */
  static String redocPolicy(String nonce) {
    var own = nonce == null ? "'self'" : "'self' 'nonce-" + nonce + "'";
    return policy("script-src " + own, "style-src " + own, "worker-src blob:");
  }

  private static String policy(String... own) {
    return String.join(
        "; ",
        "default-src 'none'",
        String.join("; ", own),
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
    return file(SPEC + ".yml", MediaType.of("application/yaml"));
  }

  @Get(uri = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON)
  HttpResponse<StreamedFile> openApiJson() {
    return file(SPEC + ".json", MediaType.APPLICATION_JSON_TYPE);
  }

  @Get(uri = "/docs", produces = MediaType.TEXT_HTML)
  HttpResponse<String> swaggerUi() {
    return protect(html(swaggerUiPage), swaggerUiPolicy);
  }

  @Get(uri = "/docs/res/{name}")
  HttpResponse<StreamedFile> swaggerUiResource(@PathVariable String name) {
    return protect(resource(SWAGGER_UI, SWAGGER_UI_TYPES, name), swaggerUiPolicy);
  }

  @Get(uri = "/redoc", produces = MediaType.TEXT_HTML)
  HttpResponse<String> redoc() {
    var bytes = new byte[18];
    random.nextBytes(bytes);
    var nonce = Base64.getEncoder().encodeToString(bytes);
    return protect(html(redocPage.replace(NONCE, nonce)), redocPolicy(nonce));
  }

  @Get(uri = "/redoc/res/{name}")
  HttpResponse<StreamedFile> redocResource(@PathVariable String name) {
    return protect(resource(REDOC, REDOC_TYPES, name), redocPolicy(null));
  }

  private static MutableHttpResponse<String> html(String page) {
    return page.isEmpty()
        ? HttpResponse.notFound()
        : HttpResponse.ok(page)
            .contentType(MediaType.TEXT_HTML_TYPE)
            .header(HttpHeaders.CACHE_CONTROL, "no-cache");
  }

  private MutableHttpResponse<StreamedFile> resource(
      String view, Map<String, MediaType> types, String name) {
    var dot = name.lastIndexOf('.');
    var type = dot < 0 ? null : types.get(name.substring(dot + 1));
    if (type == null || !name.matches("[A-Za-z0-9._-]+") || name.contains("..")) {
      return HttpResponse.notFound();
    }
    return file(view + "res/" + name, type);
  }

  private static <T> MutableHttpResponse<T> protect(MutableHttpResponse<T> response, String csp) {
    return response
        .header("Content-Security-Policy", csp)
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

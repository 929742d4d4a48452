package dev.todo.adapters.rest.web;

import dev.todo.adapters.rest.ApiDocumentationPaths;
import dev.todo.adapters.rest.OidcConfiguration;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Serves the browser app's side of the site: everything outside {@code /api/} (and the API's own
 * documentation under {@code /docs} and {@code /redoc}).
 *
 * <ul>
 *   <li>Security headers on every file of the app, led by a Content-Security-Policy that allows
 *       scripts and styles from this origin only (no inline script, no inline style, no eval) and
 *       network calls to this origin and the OpenID provider (discovery document and token
 *       endpoint).
 *   <li>The app's own routes ({@code /auth/callback}, {@code /signed-out}, ...) have no file: a
 *       {@code GET} for HTML that found nothing answers {@code index.html} (single-page fallback).
 *       Missing scripts, styles and images stay 404.
 * </ul>
 *
 * <p>{@code /api/**} responses pass through untouched: their headers and JSON errors belong to the
 * API.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BrowserAppFilter {

  static final String INDEX = "index.html";

  private final BrowserAppFiles files;
  private final String contentSecurityPolicy;
  private volatile byte[] index;

  BrowserAppFilter(BrowserAppFiles files, OidcConfiguration oidc, WebConfiguration web) {
    this.files = files;
    this.contentSecurityPolicy = contentSecurityPolicy(oidc.issuer(), web.connectSrc());
  }

  static String contentSecurityPolicy(String issuer, String extraConnectSources) {
    String connect =
        Stream.concat(
                Stream.of("'self'", origin(issuer)),
                Arrays.stream(extraConnectSources.trim().split("\\s+")).filter(s -> !s.isEmpty()))
            .distinct()
            .collect(Collectors.joining(" "));
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src " + connect,
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");
  }

  /** {@code https://idp.example.com/realms/x} gives {@code https://idp.example.com}. */
  static String origin(String url) {
    URI uri = URI.create(url.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("todo.oidc.issuer is not an absolute URL: " + url);
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  static boolean belongsToApi(String path) {
    return path.equals("/api") || path.startsWith("/api/") || ApiDocumentationPaths.matches(path);
  }

  @ResponseFilter
  MutableHttpResponse<?> browserApp(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (belongsToApi(request.getPath())) {
      return response;
    }
    MutableHttpResponse<?> answer = response;
    if (response.code() == HttpStatus.NOT_FOUND.getCode() && isPageRequest(request)) {
      answer = indexPage(request.getMethod());
    }
    return withSecurityHeaders(answer);
  }

  private static boolean isPageRequest(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return false;
    }
    // a navigation names text/html explicitly; scripts, styles and images ask for */* or their type
    return request.getHeaders().accept().stream()
        .anyMatch(type -> MediaType.TEXT_HTML.equals(type.getName()));
  }

  private MutableHttpResponse<?> indexPage(HttpMethod method) {
    byte[] page = indexBytes();
    MutableHttpResponse<?> ok =
        method == HttpMethod.HEAD ? HttpResponse.ok() : HttpResponse.ok(page);
    return ok.contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
        .contentLength(page.length);
  }

  private byte[] indexBytes() {
    byte[] page = index;
    if (page == null) {
      Optional<InputStream> stream = files.file(INDEX);
      try (InputStream in =
          stream.orElseThrow(() -> new IllegalStateException(INDEX + " missing"))) {
        page = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      index = page;
    }
    return page;
  }

  private MutableHttpResponse<?> withSecurityHeaders(MutableHttpResponse<?> response) {
    return response
        .header("Content-Security-Policy", contentSecurityPolicy)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header("Cross-Origin-Opener-Policy", "same-origin")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .header(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
        // small unhashed files: always revalidate, so a new release is never mixed with old modules
        .header(HttpHeaders.CACHE_CONTROL, "no-cache");
  }
}

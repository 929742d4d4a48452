package dev.todo.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Every error Micronaut produces itself (unknown route 404, 405, 413, 415, 400 from binding, 500
 * from an unhandled exception, a request head Netty refused) goes through this processor. Under
 * {@code /api} it writes the contract's envelope with a code derived from the status and a fixed
 * message (framework messages can name classes). <strong>Other paths are the browser
 * app's</strong>: for them it answers exactly like Micronaut's default processor (HTML for
 * browsers, JSON otherwise), so whoever serves the app can add its own handling (an {@code
 * index.html} fallback, a static 404 page) for non-API paths without touching this class. Such
 * handling must leave {@code /api/**} alone (see {@link ApiPaths}).
 */
@Singleton
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<Object> {

  private final JsonErrorResponseBodyProvider<?> json;
  private final HtmlErrorResponseBodyProvider html;

  ApiErrorResponseProcessor(
      JsonErrorResponseBodyProvider<?> json, HtmlErrorResponseBodyProvider html) {
    this.json = json;
    this.html = html;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public MutableHttpResponse<Object> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    var request = context.getRequest();
    var tooLarge = tooLargeHead(context, response.status());
    if (tooLarge != null) {
      return (MutableHttpResponse)
          ApiErrors.fill(
              request,
              response,
              tooLarge,
              ApiErrors.code(tooLarge),
              ApiErrors.message(tooLarge),
              Map.of());
    }
    if (ApiPaths.isApi(request)) {
      var status = response.status();
      if (status == HttpStatus.SERVICE_UNAVAILABLE
          && !response.getHeaders().contains(HttpHeaders.RETRY_AFTER)) {
        response.header(HttpHeaders.RETRY_AFTER, "5");
      }
      if (status == HttpStatus.UNAUTHORIZED) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      }
      if (request.getMethod() == HttpMethod.HEAD) {
        ApiHeaders.apply(request, response);
        return (MutableHttpResponse<Object>) response;
      }
      return (MutableHttpResponse)
          ApiErrors.fill(
              request,
              response,
              status,
              ApiErrors.code(status),
              ApiErrors.message(status),
              Map.of());
    }
    return browserDefault(context, (MutableHttpResponse<Object>) response);
  }

  /**
   * 414 or 431 when Netty refused the request's head, else null. Netty's decoder stops at a request
   * line over {@code micronaut.server.netty.max-initial-line-length} (4 KiB by default) or headers
   * over {@code max-header-size} (8 KiB), and Micronaut answers both with a cause-less 413 (a body
   * over the request limit is 413 too, but with its exception as the cause). When the line was too
   * long Netty kept nothing of it and hands over its placeholder, {@code GET /bad-request HTTP/1.0}
   * without headers; otherwise the line was read and the headers were too large. Either way the
   * path cannot be trusted to be the client's, so these get the envelope on every path.
   */
  private static HttpStatus tooLargeHead(ErrorContext context, HttpStatus status) {
    if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || context.getRootCause().isPresent()) {
      return null;
    }
    var request = context.getRequest();
    boolean placeholder =
        request.getMethod() == HttpMethod.GET
            && "/bad-request".equals(request.getPath())
            && request.getHeaders().isEmpty();
    return placeholder
        ? HttpStatus.REQUEST_URI_TOO_LONG
        : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
  }

  /** What Micronaut's own {@code DefaultErrorResponseProcessor} answers. */
  private MutableHttpResponse<Object> browserDefault(
      ErrorContext context, MutableHttpResponse<Object> response) {
    var request = context.getRequest();
    if (request.getMethod() == HttpMethod.HEAD) {
      return response;
    }
    var accept = request.accept();
    if (response.code() >= 400
        && accept.stream().anyMatch(type -> type.equals(MediaType.TEXT_HTML_TYPE))
        && accept.stream().noneMatch(type -> type.matchesExtension(MediaType.EXTENSION_JSON))) {
      Object page = html.body(context, response);
      return response.body(page).contentType(html.contentType());
    }
    Object body = json.body(context, response);
    return response.body(body).contentType(json.contentType());
  }
}

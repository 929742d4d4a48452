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
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Every error Micronaut produces itself (unknown route 404, 405, 413, 415, 400 from binding, 500
 * from an unhandled exception, a request Netty or Micronaut refused before routing) goes through
 * this processor. Under {@code /api} it writes the contract's envelope with a code derived from the
 * status and a fixed message (framework messages can name classes). <strong>Other paths are the
 * browser app's</strong>: for them it answers exactly like Micronaut's default processor (HTML for
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
    var refused = refusedBeforeRouting(context, response.status());
    if (refused != null) {
      return (MutableHttpResponse)
          ApiErrors.fill(
              request,
              response,
              refused,
              ApiErrors.code(refused),
              ApiErrors.message(refused),
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
   * The status of a request refused before it could be routed, or null. Its path is not the
   * client's, so these get the envelope on every path:
   *
   * <ul>
   *   <li>Netty's decoder stops at a request line over {@code
   *       micronaut.server.netty.max-initial-line-length} (4 KiB by default) or headers over {@code
   *       max-header-size} (8 KiB), and Micronaut answers with a 413 without a cause (a body over
   *       the request limit is 413 too, but with its exception). When the line was too long Netty
   *       kept nothing of it and hands over its placeholder, {@code GET /bad-request} without a
   *       single header (a real HTTP/1.1 request has at least {@code Host}): 414. Otherwise the
   *       line was read and the headers were too large: 431.
   *   <li>Any other request Netty could not decode is a cause-less 400 on that placeholder.
   *   <li>A request target that is not a URI ({@code ?q=%}) is a {@link URISyntaxException} that
   *       Micronaut reports on a stand-in request for {@code /}: 400.
   * </ul>
   */
  private static HttpStatus refusedBeforeRouting(ErrorContext context, HttpStatus status) {
    var cause = context.getRootCause();
    if (cause.isPresent()) {
      return cause.get() instanceof URISyntaxException ? HttpStatus.BAD_REQUEST : null;
    }
    var request = context.getRequest();
    boolean placeholder =
        request.getMethod() == HttpMethod.GET
            && "/bad-request".equals(request.getPath())
            && request.getHeaders().isEmpty();
    return switch (status) {
      case REQUEST_ENTITY_TOO_LARGE ->
          placeholder
              ? HttpStatus.REQUEST_URI_TOO_LONG
              : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
      case BAD_REQUEST -> placeholder ? HttpStatus.BAD_REQUEST : null;
      default -> null;
    };
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

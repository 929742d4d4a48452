package dev.todo.adapters.rest;

import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the client's {@code X-Request-ID} when it is 1 to 128 characters
 * of {@code [A-Za-z0-9._-]}, else a new UUID. Computed once per request and kept as a request
 * attribute, so that the filter, the error bodies and the logs all show the same value.
 */
final class RequestIds {

  static final String HEADER = "X-Request-ID";
  static final String MDC_KEY = "request_id";
  private static final String ATTRIBUTE = "todo.request-id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  static String of(HttpRequest<?> request) {
    var known = request.getAttribute(ATTRIBUTE, String.class);
    if (known.isPresent()) {
      return known.get();
    }
    var id = accepted(request.getHeaders().get(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }

  static String accepted(String candidate) {
    return candidate != null && VALID.matcher(candidate).matches()
        ? candidate
        : UUID.randomUUID().toString();
  }
}

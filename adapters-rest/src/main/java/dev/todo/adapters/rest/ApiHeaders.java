package dev.todo.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/** The headers every response gets ({@code X-Request-ID}) and every API response gets. */
final class ApiHeaders {

  private ApiHeaders() {}

  static void apply(HttpRequest<?> request, MutableHttpResponse<?> response) {
    var headers = response.getHeaders();
    headers.set(RequestIds.HEADER, RequestIds.of(request));
    if (ApiDocumentationPaths.matches(request.getPath())) {
      headers.set("X-Content-Type-Options", "nosniff");
    }
    if (ApiPaths.isApi(request)) {
      headers.set("X-Content-Type-Options", "nosniff");
      if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
      }
    }
  }
}

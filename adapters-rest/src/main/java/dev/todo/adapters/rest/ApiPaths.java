package dev.todo.adapters.rest;

import io.micronaut.http.HttpRequest;

/**
 * The part of the URL space this adapter answers for. Everything under {@code /api} gets the API's
 * JSON errors and headers; every other path belongs to the browser app (static files, its {@code
 * index.html} fallback, its own headers) and is left untouched by this adapter.
 */
final class ApiPaths {

  static final String PREFIX = "/api";

  private ApiPaths() {}

  static boolean isApi(HttpRequest<?> request) {
    var path = request.getPath();
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }
}

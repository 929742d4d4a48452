package dev.todo.adapters.rest;

import io.micronaut.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * The part of the URL space this adapter answers for. Everything under {@code /api} gets the API's
 * JSON errors and headers; every other path belongs to the browser app (static files, its {@code
 * index.html} fallback, its own headers) and is left untouched by this adapter.
 */
final class ApiPaths {

  static final String PREFIX = "/api";

  private ApiPaths() {}

  /** Invite tokens travel in paths; a log line shows them masked. */
  private static final Pattern INVITE_TOKEN = Pattern.compile("^(/api/v1/invites/)[^/]+");

  static boolean isApi(HttpRequest<?> request) {
    var path = request.getPath();
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  /** The request's path as log lines may show it: with any invite token masked. */
  static String forLogs(HttpRequest<?> request) {
    return INVITE_TOKEN.matcher(request.getPath()).replaceFirst("$1***");
  }
}

package dev.todo.adapters.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the contract's error responses. */
final class ApiErrors {

  private ApiErrors() {}

  static MutableHttpResponse<ErrorEnvelope> response(
      HttpRequest<?> request, HttpStatus status, String code, String message) {
    return response(request, status, code, message, Map.of());
  }

  static MutableHttpResponse<ErrorEnvelope> response(
      HttpRequest<?> request,
      HttpStatus status,
      String code,
      String message,
      Map<String, List<String>> details) {
    MutableHttpResponse<ErrorEnvelope> response = HttpResponse.status(status);
    return fill(request, response, status, code, message, details);
  }

  static <T> MutableHttpResponse<ErrorEnvelope> fill(
      HttpRequest<?> request,
      MutableHttpResponse<T> response,
      HttpStatus status,
      String code,
      String message,
      Map<String, List<String>> details) {
    var body =
        new ErrorEnvelope(
            new ErrorEnvelope.Body(
                code, message, details, Timestamps.format(Instant.now()), RequestIds.of(request)));
    @SuppressWarnings("unchecked")
    var typed = (MutableHttpResponse<ErrorEnvelope>) (MutableHttpResponse<?>) response;
    typed.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    ApiHeaders.apply(request, typed);
    return typed;
  }

  /** The code for a status when nothing more specific is known. */
  static String code(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "MALFORMED_REQUEST";
      case UNAUTHORIZED -> "INVALID_TOKEN";
      case REQUEST_ENTITY_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
      case REQUEST_URI_TOO_LONG -> "URI_TOO_LONG";
      case REQUEST_HEADER_FIELDS_TOO_LARGE -> "REQUEST_HEADER_FIELDS_TOO_LARGE";
      case SERVICE_UNAVAILABLE -> "SERVICE_UNAVAILABLE";
      default -> status.getCode() >= 500 ? "INTERNAL_ERROR" : status.name();
    };
  }

  /** A fixed, safe message per status: framework messages may name classes or internals. */
  static String message(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Malformed request";
      case UNAUTHORIZED -> "Invalid token";
      case FORBIDDEN -> "Forbidden";
      case NOT_FOUND -> "Not found";
      case METHOD_NOT_ALLOWED -> "Method not allowed";
      case NOT_ACCEPTABLE -> "Not acceptable";
      case PRECONDITION_FAILED -> "Precondition failed";
      case REQUEST_ENTITY_TOO_LARGE -> "Payload too large";
      case REQUEST_URI_TOO_LONG -> "URI too long";
      case REQUEST_HEADER_FIELDS_TOO_LARGE -> "Request header fields too large";
      case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
      case SERVICE_UNAVAILABLE -> "Service unavailable, retry later";
      default -> status.getCode() >= 500 ? "Internal error" : status.getReason();
    };
  }
}

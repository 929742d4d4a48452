package dev.todo.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 403 {@code AUTHENTICATION_REQUIRED} and 401 {@code INVALID_TOKEN}. Each is logged at WARN as a
 * structured line (code, path, client address; the request id is in the MDC), never stored.
 */
final class IdentityErrorHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityErrorHandlers.class);

  private IdentityErrorHandlers() {}

  private static void logFailure(HttpRequest<?> request, String code) {
    var line =
        LOG.atWarn()
            .addKeyValue("code", code)
            .addKeyValue("path", ApiPaths.forLogs(request))
            .addKeyValue("client", request.getRemoteAddress().getAddress().getHostAddress());
    var forwardedFor = request.getHeaders().get("X-Forwarded-For");
    if (forwardedFor != null) {
      line = line.addKeyValue("forwarded_for", forwardedFor);
    }
    line.log("Authentication failed: {} on {}", code, ApiPaths.forLogs(request));
  }

  @Produces
  @Singleton
  static final class AuthenticationRequired
      implements ExceptionHandler<AuthenticationRequiredException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(
        HttpRequest request, AuthenticationRequiredException exception) {
      logFailure(request, "AUTHENTICATION_REQUIRED");
      return ApiErrors.response(
          request, HttpStatus.FORBIDDEN, "AUTHENTICATION_REQUIRED", "A bearer token is required");
    }
  }

  @Produces
  @Singleton
  static final class InvalidToken
      implements ExceptionHandler<InvalidTokenException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(
        HttpRequest request, InvalidTokenException exception) {
      logFailure(request, "INVALID_TOKEN");
      return ApiErrors.response(
              request, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", exception.getMessage())
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }
  }
}

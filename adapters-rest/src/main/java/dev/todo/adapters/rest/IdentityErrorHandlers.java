package dev.todo.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 403 {@code AUTHENTICATION_REQUIRED} and 401 {@code INVALID_TOKEN}. */
final class IdentityErrorHandlers {

  private IdentityErrorHandlers() {}

  @Produces
  @Singleton
  static final class AuthenticationRequired
      implements ExceptionHandler<AuthenticationRequiredException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(
        HttpRequest request, AuthenticationRequiredException exception) {
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
      return ApiErrors.response(
              request, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", exception.getMessage())
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }
  }
}

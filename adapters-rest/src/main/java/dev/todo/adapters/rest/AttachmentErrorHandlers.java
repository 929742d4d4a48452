package dev.todo.adapters.rest;

import dev.todo.domain.error.AttachmentNotFoundException;
import dev.todo.domain.error.PayloadTooLargeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The attachment routes' own answers, in the contract's envelope. */
final class AttachmentErrorHandlers {

  private AttachmentErrorHandlers() {}

  @Produces
  @Singleton
  static final class AttachmentNotFound
      implements ExceptionHandler<AttachmentNotFoundException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, AttachmentNotFoundException e) {
      return ApiErrors.response(
          request, HttpStatus.NOT_FOUND, "ATTACHMENT_NOT_FOUND", e.getMessage());
    }
  }

  @Produces
  @Singleton
  static final class PayloadTooLarge
      implements ExceptionHandler<PayloadTooLargeException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, PayloadTooLargeException e) {
      return ApiErrors.response(
          request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage());
    }
  }
}

package dev.todo.adapters.rest;

import dev.todo.domain.error.AttachmentNotFoundException;
import dev.todo.domain.error.ConflictException;
import dev.todo.domain.error.DomainException;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.InviteNotFoundException;
import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.PayloadTooLargeException;
import dev.todo.domain.error.PreconditionFailedException;
import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.error.StepNotFoundException;
import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.error.SyncCursorExpiredException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.UnsupportedFormatException;
import dev.todo.domain.error.UserNotFoundException;
import dev.todo.domain.error.ValidationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract's status and code for every domain exception. {@link DomainException} is sealed, so
 * the switch below is exhaustive: a new kind of domain error does not compile until it is mapped.
 * Messages of domain exceptions are written for API clients; a 503's cause (a technical exception)
 * is logged, never shown.
 */
final class DomainErrorHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(DomainErrorHandlers.class);

  private DomainErrorHandlers() {}

  @Produces
  @Singleton
  static final class Domain
      implements ExceptionHandler<DomainException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, DomainException e) {
      return switch (e) {
        case TodoNotFoundException ignored ->
            error(request, HttpStatus.NOT_FOUND, "TODO_NOT_FOUND", e);
        case AttachmentNotFoundException ignored ->
            error(request, HttpStatus.NOT_FOUND, "ATTACHMENT_NOT_FOUND", e);
        case ListNotFoundException ignored ->
            error(request, HttpStatus.NOT_FOUND, "LIST_NOT_FOUND", e);
        case UserNotFoundException ignored ->
            error(request, HttpStatus.NOT_FOUND, "USER_NOT_FOUND", e);
        case InviteNotFoundException ignored ->
            error(request, HttpStatus.NOT_FOUND, "INVITE_NOT_FOUND", e);
        case StepNotFoundException ignored ->
            error(request, HttpStatus.NOT_FOUND, "STEP_NOT_FOUND", e);
        case ConflictException ignored -> error(request, HttpStatus.CONFLICT, "CONFLICT", e);
        case SyncCursorExpiredException ignored ->
            error(request, HttpStatus.GONE, "SYNC_CURSOR_EXPIRED", e);
        case ForbiddenException ignored -> error(request, HttpStatus.FORBIDDEN, "FORBIDDEN", e);
        case ValidationException invalid ->
            ApiErrors.response(
                request,
                HttpStatus.BAD_REQUEST,
                "VALIDATION_ERROR",
                invalid.getMessage(),
                invalid.details());
        case MalformedInputException ignored ->
            error(request, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", e);
        case UnsupportedFormatException ignored ->
            error(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", e);
        case PreconditionFailedException ignored ->
            error(request, HttpStatus.PRECONDITION_FAILED, "PRECONDITION_FAILED", e);
        case PayloadTooLargeException ignored ->
            error(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE", e);
        case ServiceUnavailableException unavailable -> {
          LOG.warn("Service unavailable: {}", e.getMessage(), e.getCause());
          yield unavailable(request, unavailable.retryAfter());
        }
      };
    }

    private static HttpResponse<ErrorEnvelope> error(
        HttpRequest<?> request, HttpStatus status, String code, DomainException e) {
      return ApiErrors.response(request, status, code, e.getMessage());
    }
  }

  /**
   * The object store did not answer: 503 like the database (the exception comes from the storage
   * port and carries no retry hint, so clients are told to wait {@value #STORAGE_RETRY_SECONDS} s).
   */
  @Produces
  @Singleton
  static final class StorageUnavailable
      implements ExceptionHandler<StorageUnavailableException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, StorageUnavailableException e) {
      LOG.warn("Storage unavailable: {}", e.getMessage(), e.getCause());
      return unavailable(request, Duration.ofSeconds(STORAGE_RETRY_SECONDS));
    }
  }

  static final long STORAGE_RETRY_SECONDS = 5;

  /** 503 with {@code Retry-After} in whole seconds, rounded up, at least 1. */
  static HttpResponse<ErrorEnvelope> unavailable(HttpRequest<?> request, Duration retryAfter) {
    long seconds =
        retryAfter == null
            ? STORAGE_RETRY_SECONDS
            : Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    return ApiErrors.response(
            request,
            HttpStatus.SERVICE_UNAVAILABLE,
            "SERVICE_UNAVAILABLE",
            ApiErrors.message(HttpStatus.SERVICE_UNAVAILABLE))
        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
  }
}

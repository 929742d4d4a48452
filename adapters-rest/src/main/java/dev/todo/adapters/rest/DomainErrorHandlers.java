package dev.todo.adapters.rest;

import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.NotFoundException;
import dev.todo.domain.error.PreconditionFailedException;
import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.UnsupportedFormatException;
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
 * One handler per domain exception, each giving the contract's status and code. Messages of domain
 * exceptions are written for API clients; a 503's cause (a technical exception) is logged, never
 * shown.
 */
final class DomainErrorHandlers {

  private DomainErrorHandlers() {}

  @Produces
  @Singleton
  static final class TodoNotFound
      implements ExceptionHandler<TodoNotFoundException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, TodoNotFoundException e) {
      return ApiErrors.response(request, HttpStatus.NOT_FOUND, "TODO_NOT_FOUND", e.getMessage());
    }
  }

  /** Other things that do not exist; their specific kinds may get handlers of their own. */
  @Produces
  @Singleton
  static final class NotFound
      implements ExceptionHandler<NotFoundException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, NotFoundException e) {
      return ApiErrors.response(request, HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }
  }

  @Produces
  @Singleton
  static final class Forbidden
      implements ExceptionHandler<ForbiddenException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, ForbiddenException e) {
      return ApiErrors.response(request, HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage());
    }
  }

  @Produces
  @Singleton
  static final class Validation
      implements ExceptionHandler<ValidationException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, ValidationException e) {
      return ApiErrors.response(
          request, HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", e.getMessage(), e.details());
    }
  }

  @Produces
  @Singleton
  static final class MalformedInput
      implements ExceptionHandler<MalformedInputException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, MalformedInputException e) {
      return ApiErrors.response(
          request, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", e.getMessage());
    }
  }

  @Produces
  @Singleton
  static final class UnsupportedFormat
      implements ExceptionHandler<UnsupportedFormatException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, UnsupportedFormatException e) {
      return ApiErrors.response(
          request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", e.getMessage());
    }
  }

  @Produces
  @Singleton
  static final class PreconditionFailed
      implements ExceptionHandler<PreconditionFailedException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, PreconditionFailedException e) {
      return ApiErrors.response(
          request, HttpStatus.PRECONDITION_FAILED, "PRECONDITION_FAILED", e.getMessage());
    }
  }

  @Produces
  @Singleton
  static final class ServiceUnavailable
      implements ExceptionHandler<ServiceUnavailableException, HttpResponse<ErrorEnvelope>> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceUnavailable.class);

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, ServiceUnavailableException e) {
      LOG.warn("Service unavailable: {}", e.getMessage(), e.getCause());
      return unavailable(request, e.retryAfter());
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

    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailable.class);

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

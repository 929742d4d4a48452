package dev.todo.adapters.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Any runtime exception that no closer handler claims: logged once with its stack trace and the
 * request id (Micronaut's own fallback logs where the request's MDC is not in place), answered 500
 * {@code INTERNAL_ERROR} with nothing of the exception in the body. Outside {@code /api} the body
 * is whatever the error processor gives the browser app's paths.
 */
@Produces
@Singleton
final class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

  private final ErrorResponseProcessor<?> errors;

  UnexpectedErrorHandler(ErrorResponseProcessor<?> errors) {
    this.errors = errors;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
    var previous = MDC.get(RequestIds.MDC_KEY);
    MDC.put(RequestIds.MDC_KEY, RequestIds.of(request));
    try {
      LOG.error(
          "Unexpected error on {} {}",
          request.getMethodName(),
          ApiPaths.forLogs(request),
          exception);
    } finally {
      if (previous == null) {
        MDC.remove(RequestIds.MDC_KEY);
      } else {
        MDC.put(RequestIds.MDC_KEY, previous);
      }
    }
    return errors.processResponse(
        ErrorContext.builder(request).cause(exception).errorMessage("Internal error").build(),
        HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR));
  }
}

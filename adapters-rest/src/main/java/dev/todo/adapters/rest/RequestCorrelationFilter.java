package dev.todo.adapters.rest;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outermost filter of every request, API or not: fixes the request id, puts it in the MDC as
 * {@code request_id} for every log line of the request (propagated to the blocking executor by
 * {@link RequestIdLogContext}), echoes it as {@code X-Request-ID}, adds the API headers under
 * {@code /api} ({@code X-Content-Type-Options: nosniff}, {@code Cache-Control: no-store} unless the
 * route set its own), logs one access line per API request and tells the {@link ApiErrorListener}s
 * of every error envelope.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestCorrelationFilter implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(RequestCorrelationFilter.class);
  private static final String STARTED = "todo.started-nanos";

  private final List<ApiErrorListener> errorListeners;

  RequestCorrelationFilter(List<ApiErrorListener> errorListeners) {
    this.errorListeners = errorListeners;
  }

  @RequestFilter
  void onRequest(HttpRequest<?> request, MutablePropagatedContext context) {
    request.setAttribute(STARTED, System.nanoTime());
    context.add(new RequestIdLogContext(RequestIds.of(request)));
  }

  @ResponseFilter
  void onResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
    ApiHeaders.apply(request, response);
    if (response.body() instanceof ErrorEnvelope envelope) {
      errorListeners.forEach(
          listener -> listener.onError(envelope.error().code(), response.code()));
    }
    if (ApiPaths.isApi(request) && LOG.isInfoEnabled()) {
      var started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
      MDC.put(RequestIds.MDC_KEY, RequestIds.of(request));
      try {
        LOG.info(
            "{} {} {} {}ms",
            request.getMethodName(),
            ApiPaths.forLogs(request),
            response.code(),
            (System.nanoTime() - started) / 1_000_000);
      } finally {
        MDC.remove(RequestIds.MDC_KEY);
      }
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1000;
  }
}

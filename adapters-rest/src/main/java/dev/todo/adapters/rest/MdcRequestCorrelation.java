package dev.todo.adapters.rest;

import dev.todo.domain.port.out.RequestCorrelation;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The request id of the request a controller thread serves, as {@link RequestCorrelationFilter} put
 * it in the MDC (propagated onto the blocking executor).
 */
@Singleton
final class MdcRequestCorrelation implements RequestCorrelation {

  @Override
  public Optional<String> currentRequestId() {
    return Optional.ofNullable(MDC.get(RequestIds.MDC_KEY));
  }
}

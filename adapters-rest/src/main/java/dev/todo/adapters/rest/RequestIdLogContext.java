package dev.todo.adapters.rest;

import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * The request id in the MDC ({@code request_id}) of whichever thread runs a part of the request, as
 * one key: set when Micronaut propagates the request's context onto a thread, the previous value
 * put back when it leaves. Micronaut's {@code MdcPropagationContext} replaces the thread's whole
 * MDC map instead, copying it twice per hop (and a request makes several: filters, the blocking
 * executor, the response): 10 % of the health route's CPU samples (JFR).
 */
record RequestIdLogContext(String requestId) implements ThreadPropagatedContextElement<String> {

  @Override
  public String updateThreadContext() {
    var previous = MDC.get(RequestIds.MDC_KEY);
    MDC.put(RequestIds.MDC_KEY, requestId);
    return previous;
  }

  @Override
  public void restoreThreadContext(String previous) {
    if (previous == null) {
      MDC.remove(RequestIds.MDC_KEY);
    } else {
      MDC.put(RequestIds.MDC_KEY, previous);
    }
  }
}

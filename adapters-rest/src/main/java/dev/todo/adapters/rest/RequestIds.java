package dev.todo.adapters.rest;

import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the client's {@code X-Request-ID} when it is 1 to 128 characters
 * of {@code [A-Za-z0-9._-]}, else a new UUID. Computed once per request and kept as a request
 * attribute, so that the filter, the error bodies and the logs all show the same value.
 *
 * <p>A new id is a random (version 4) UUID drawn from {@link ThreadLocalRandom}: it has to be
 * unique, not unguessable, and {@code UUID.randomUUID()} takes a lock and reads {@code
 * /dev/urandom} on every call (1-14 µs here).
 */
final class RequestIds {

  static final String HEADER = "X-Request-ID";
  static final String MDC_KEY = "request_id";
  private static final String ATTRIBUTE = "todo.request-id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  static String of(HttpRequest<?> request) {
    var known = request.getAttribute(ATTRIBUTE, String.class);
    if (known.isPresent()) {
      return known.get();
    }
    var id = accepted(request.getHeaders().get(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }

  static String accepted(String candidate) {
    return candidate != null && VALID.matcher(candidate).matches()
        ? candidate
        : randomUuid().toString();
  }

  static UUID randomUuid() {
    var random = ThreadLocalRandom.current();
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(msb, lsb);
  }
}

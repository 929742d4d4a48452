package dev.todo.adapters.rest;

/** No {@code Authorization} header, or not a Bearer one: 403 {@code AUTHENTICATION_REQUIRED}. */
final class AuthenticationRequiredException extends RuntimeException {

  AuthenticationRequiredException() {
    super("Authentication required", null, false, false);
  }
}

package dev.todo.adapters.rest;

/** A bearer value that is not a readable JWT or has no {@code sub}: 401 {@code INVALID_TOKEN}. */
final class InvalidTokenException extends RuntimeException {

  InvalidTokenException(String message) {
    super(message, null, false, false);
  }
}

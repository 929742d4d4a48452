package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.UnsupportedFormatException;
import io.micronaut.core.annotation.Nullable;

/** The boundary of a {@code multipart/form-data} body, read from its {@code Content-Type}. */
final class MultipartBoundary {

  private static final String FORM_DATA = "multipart/form-data";

  private MultipartBoundary() {}

  /**
   * The boundary that {@code contentType} names: 415 when it is not {@code multipart/form-data} (or
   * absent), 400 when its boundary is missing or not one RFC 2046 allows.
   */
  static String of(@Nullable String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw new UnsupportedFormatException("An upload is multipart/form-data; no Content-Type");
    }
    HeaderValue value = HeaderValue.parse(contentType, "Content-Type");
    if (!value.value().equalsIgnoreCase(FORM_DATA)) {
      throw new UnsupportedFormatException("An upload is multipart/form-data");
    }
    String boundary = value.parameters().get("boundary");
    if (!valid(boundary)) {
      throw new MalformedInputException(
          "multipart/form-data needs a boundary of 1 to 70 characters (RFC 2046)");
    }
    return boundary;
  }

  private static boolean valid(@Nullable String boundary) {
    if (boundary == null
        || boundary.isEmpty()
        || boundary.length() > 70
        || boundary.endsWith(" ")) {
      return false;
    }
    return boundary
        .chars()
        .allMatch(
            c -> c < 0x80 && (Character.isLetterOrDigit(c) || "'()+_,-./:=? ".indexOf(c) >= 0));
  }
}

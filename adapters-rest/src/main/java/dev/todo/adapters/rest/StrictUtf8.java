package dev.todo.adapters.rest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * UTF-8 as RFC 3629 defines it, decoded by the JDK with errors reported instead of replaced: no
 * overlong forms, no encoded surrogates, nothing beyond U+10FFFF, no truncated sequence.
 */
final class StrictUtf8 {

  private StrictUtf8() {}

  /** The text, or empty when the bytes are not UTF-8. */
  static Optional<CharBuffer> decode(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes)));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}

package dev.todo.adapters.rest;

import dev.todo.domain.port.in.AttachmentsUseCase.ByteRange;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Range} header of one byte range ({@code bytes=0-99}, {@code bytes=100-}, {@code
 * bytes=-100}). Anything else (several ranges, another unit, nonsense) is ignored, and the whole
 * file is sent: RFC 9110 lets a server ignore a range it does not support.
 */
final class RangeHeader {

  private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  private RangeHeader() {}

  static Optional<ByteRange> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    var match = ONE_RANGE.matcher(header.strip());
    if (!match.matches() || match.group(1).isEmpty() && match.group(2).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ByteRange(number(match.group(1)), number(match.group(2))));
  }

  private static Optional<Long> number(String digits) {
    return digits.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(digits));
  }
}

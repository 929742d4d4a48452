package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578, framed as RFC 2046 section 5.1 says) read from the
 * raw request body as it arrives: nothing is kept but one buffer. It finds the part of a given name
 * and hands its content over as a stream that ends at the part's delimiter; before that stream
 * reports its end, the rest of the body is read up to the closing delimiter, so that a body that is
 * cut short or broken after the part fails the read instead of passing for a complete file.
 *
 * <p>Every framing or header error is a {@link MalformedInputException} (400), thrown by {@link
 * #part} or by the content stream's {@code read}: the file store then keeps nothing. Part headers
 * are UTF-8, at most {@value #MAX_HEADER_BYTES} bytes per part, read by {@link PartHeaders}.
 */
final class MultipartForm {

  static final int MAX_HEADER_BYTES = 16 * 1024;

  private static final int BUFFER_SIZE = 32 * 1024;
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  /** What a part says about itself; {@code filename} is absent for a plain field. */
  record Part(String name, Optional<String> filename, Optional<String> contentType) {}

  /** The part found and its content, to be read once, to its end. */
  record FilePart(Part part, InputStream content) {}

  private final InputStream body;
  private final byte[] delimiter;
  private final byte[] buffer;
  private int head;
  private int tail;
  private int scanned;
  private boolean delimiterAtScanned;
  private boolean bodyEnded;
  private boolean started;

  private MultipartForm(String boundary, InputStream body) {
    this.body = body;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    this.buffer = new byte[BUFFER_SIZE];
    // The first delimiter may open the body: read it as if a line end came before it.
    buffer[0] = CR;
    buffer[1] = LF;
    tail = 2;
  }

  /**
   * The form in {@code body}, sent as {@code contentType}: 415 when that is not {@code
   * multipart/form-data} (or absent), 400 when its boundary is missing or not one RFC 2046 allows.
   */
  static MultipartForm of(@Nullable String contentType, InputStream body) {
    return new MultipartForm(MultipartBoundary.of(contentType), body);
  }

  /**
   * The first part named {@code name}, its content unread; empty when the body has none. Parts
   * before it are read past (and must be well-formed).
   */
  Optional<FilePart> part(String name) throws IOException {
    if (!started) {
      started = true;
      if (!skipToDelimiter()) {
        throw new MalformedInputException("The multipart body has no boundary line");
      }
    }
    for (Part part = nextPart(); part != null; part = nextPart()) {
      if (part.name().equals(name)) {
        return Optional.of(new FilePart(part, new Content()));
      }
      if (!skipToDelimiter()) {
        throw truncated();
      }
    }
    return Optional.empty();
  }

  /** After a delimiter: the next part's headers, or null after the closing delimiter. */
  @Nullable
  private Part nextPart() throws IOException {
    if (!ensure(2)) {
      throw truncated();
    }
    boolean closing = buffer[head] == '-' && buffer[head + 1] == '-';
    if (closing) {
      head += 2;
    }
    skipPadding();
    if (!ensure(1)) {
      if (closing) {
        return null;
      }
      throw truncated();
    }
    if (!ensure(2) || buffer[head] != CR || buffer[head + 1] != LF) {
      throw new MalformedInputException("A multipart boundary line has more than the boundary");
    }
    head += 2;
    return closing ? null : PartHeaders.parse(headerBlock());
  }

  private void skipPadding() throws IOException {
    while (ensure(1) && (buffer[head] == ' ' || buffer[head] == '\t')) {
      head++;
    }
  }

  /** The header lines of a part, up to and without the empty line that ends them. */
  private String headerBlock() throws IOException {
    int scannedFrom = 0;
    while (true) {
      if (tail - head >= 2 && buffer[head] == CR && buffer[head + 1] == LF) {
        head += 2;
        return "";
      }
      for (int i = head + scannedFrom; i + 3 < tail; i++) {
        if (buffer[i] == CR && buffer[i + 1] == LF && buffer[i + 2] == CR && buffer[i + 3] == LF) {
          String text = headerText(head, i);
          head = i + 4;
          return text;
        }
      }
      if (tail - head > MAX_HEADER_BYTES) {
        throw new MalformedInputException(
            "A part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
      }
      scannedFrom = Math.max(0, tail - head - 3);
      if (!fill()) {
        throw truncated();
      }
    }
  }

  /** The block's text; control characters other than TAB and the CRLF line ends are refused. */
  private String headerText(int from, int to) {
    for (int i = from; i < to; i++) {
      int c = buffer[i] & 0xff;
      if (c == CR && i + 1 < to && buffer[i + 1] == LF) {
        i++;
      } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new MalformedInputException("A part's headers contain control characters");
      }
    }
    return new String(buffer, from, to - from, StandardCharsets.UTF_8);
  }

  /** Reads past content up to the next delimiter and past it; false when the body ends first. */
  private boolean skipToDelimiter() throws IOException {
    while (true) {
      scan();
      if (delimiterAtScanned) {
        consumeDelimiter();
        return true;
      }
      head = scanned;
      if (!fill()) {
        return false;
      }
    }
  }

  /**
   * Up to {@code length} content bytes before the next delimiter; -1 once the delimiter is reached
   * (it is consumed); -2 when the body ends first.
   */
  private int readContent(byte[] into, int offset, int length) throws IOException {
    while (true) {
      scan();
      if (scanned > head) {
        int n = Math.min(length, scanned - head);
        System.arraycopy(buffer, head, into, offset, n);
        head += n;
        return n;
      }
      if (delimiterAtScanned) {
        consumeDelimiter();
        return -1;
      }
      if (!fill()) {
        return -2;
      }
    }
  }

  /**
   * Moves {@link #scanned} as far as the buffer proves the bytes are content: to the next delimiter
   * ({@link #delimiterAtScanned}), or to where a delimiter could begin that the buffer does not
   * hold yet. Each byte is looked at about once, however small the reads.
   */
  private void scan() {
    if (delimiterAtScanned) {
      return;
    }
    int from = Math.max(head, scanned);
    int last = tail - delimiter.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (buffer[i] != CR) {
        continue;
      }
      for (int j = 1; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      scanned = i;
      delimiterAtScanned = true;
      return;
    }
    scanned = Math.max(from, last + 1);
  }

  private void consumeDelimiter() {
    head = scanned + delimiter.length;
    scanned = head;
    delimiterAtScanned = false;
  }

  /** At least {@code n} unread bytes in the buffer; false when the body ends before. */
  private boolean ensure(int n) throws IOException {
    while (tail - head < n) {
      if (!fill()) {
        return false;
      }
    }
    return true;
  }

  /** Moves the unread bytes to the front and reads more; false at the end of the body. */
  private boolean fill() throws IOException {
    if (bodyEnded) {
      return false;
    }
    if (head > 0) {
      System.arraycopy(buffer, head, buffer, 0, tail - head);
      tail -= head;
      scanned = Math.max(0, scanned - head);
      head = 0;
    }
    if (tail == buffer.length) {
      throw new IllegalStateException("The multipart buffer is full");
    }
    int n = body.read(buffer, tail, buffer.length - tail);
    if (n < 0) {
      bodyEnded = true;
      return false;
    }
    tail += n;
    return true;
  }

  private static MalformedInputException truncated() {
    return new MalformedInputException("The multipart body ends before its closing boundary");
  }

  /** The content of the part found: ends at its delimiter, once the rest of the body is sound. */
  private final class Content extends InputStream {
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (ended) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      int n = readContent(into, offset, length);
      if (n == -2) {
        throw truncated();
      }
      if (n == -1) {
        for (Part part = nextPart(); part != null; part = nextPart()) {
          if (!skipToDelimiter()) {
            throw truncated();
          }
        }
        ended = true;
      }
      return n;
    }
  }
}

package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import io.micronaut.core.annotation.Nullable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The headers of one multipart part that the upload reads (RFC 7578, RFC 8187 filenames): lines end
 * with CRLF; a quoted value unescapes {@code \"} and {@code \\} and keeps any other backslash (old
 * browsers send Windows paths unescaped). {@code filename*} (RFC 8187, UTF-8 or ISO-8859-1) wins
 * over {@code filename}. A {@code Content-Transfer-Encoding} other than the identity ones ({@code
 * 7bit}, {@code 8bit}, {@code binary}) is refused: RFC 7578 deprecates it and the bytes would be
 * stored still encoded.
 */
final class PartHeaders {

  /** The transfer encodings that leave the bytes as they are (RFC 7578 §4.7). */
  private static final Set<String> IDENTITY_ENCODINGS = Set.of("7bit", "8bit", "binary");

  private PartHeaders() {}

  static MultipartForm.Part parse(String block) {
    Map<String, String> headers = new HashMap<>();
    String name = null;
    StringBuilder value = null;
    for (String line : block.isEmpty() ? new String[0] : block.split("\r\n", -1)) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (value == null) {
          throw new MalformedInputException("A part's headers start with a continuation line");
        }
        value.append(' ').append(line.strip());
        continue;
      }
      put(headers, name, value);
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedInputException("A part's header line has no name");
      }
      name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      value = new StringBuilder(line.substring(colon + 1).strip());
    }
    put(headers, name, value);

    String disposition = headers.get("content-disposition");
    if (disposition == null) {
      throw new MalformedInputException("A part has no Content-Disposition header");
    }
    HeaderValue form = HeaderValue.parse(disposition, "Content-Disposition");
    if (!form.value().equalsIgnoreCase("form-data")) {
      throw new MalformedInputException("A part's Content-Disposition is not form-data");
    }
    String partName = form.parameters().get("name");
    if (partName == null) {
      throw new MalformedInputException("A part has no name");
    }
    String encoding = headers.get("content-transfer-encoding");
    if (encoding != null && !IDENTITY_ENCODINGS.contains(encoding.toLowerCase(Locale.ROOT))) {
      throw new MalformedInputException(
          "Content-Transfer-Encoding "
              + encoding
              + " is not supported: send the file's bytes as they are");
    }
    String extended = form.parameters().get("filename*");
    Optional<String> filename =
        extended != null
            ? Optional.of(extendedValue(extended))
            : Optional.ofNullable(form.parameters().get("filename"));
    return new MultipartForm.Part(
        partName, filename, Optional.ofNullable(headers.get("content-type")));
  }

  private static void put(
      Map<String, String> headers, @Nullable String name, @Nullable StringBuilder value) {
    if (name == null) {
      return;
    }
    boolean read =
        name.equals("content-disposition")
            || name.equals("content-type")
            || name.equals("content-transfer-encoding");
    if (read && headers.putIfAbsent(name, value.toString()) != null) {
      throw new MalformedInputException("A part has two " + name + " headers");
    }
  }

  /** An RFC 8187 ext-value: {@code charset'language'percent-encoded}. */
  static String extendedValue(String raw) {
    int first = raw.indexOf('\'');
    int second = first < 0 ? -1 : raw.indexOf('\'', first + 1);
    if (second < 0) {
      throw badExtended();
    }
    Charset charset =
        switch (raw.substring(0, first).toUpperCase(Locale.ROOT)) {
          case "UTF-8" -> StandardCharsets.UTF_8;
          case "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
          default -> throw badExtended();
        };
    String encoded = raw.substring(second + 1);
    var bytes = ByteBuffer.allocate(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
        if (lo < 0) {
          throw badExtended();
        }
        bytes.put((byte) (hi << 4 | lo));
        i += 2;
      } else if (c > 0x20 && c < 0x7f) {
        bytes.put((byte) c);
      } else {
        throw badExtended();
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.flip())
          .toString();
    } catch (CharacterCodingException e) {
      throw badExtended();
    }
  }

  private static MalformedInputException badExtended() {
    return new MalformedInputException(
        "filename* is not charset'language'percent-encoded (RFC 8187, UTF-8 or ISO-8859-1)");
  }
}

/**
 * A header value with parameters: {@code value *( ";" name "=" ( token / quoted-string ) )}.
 * Parameter names are lower case; a name given twice is an error.
 */
record HeaderValue(String value, Map<String, String> parameters) {

  static HeaderValue parse(String header, String what) {
    int semicolon = indexOfUnquoted(header, 0);
    String value = header.substring(0, semicolon).strip();
    Map<String, String> parameters = new HashMap<>();
    int at = semicolon;
    while (at < header.length()) {
      at++; // the ';'
      int equals = header.indexOf('=', at);
      int next = indexOfUnquoted(header, at);
      if (header.substring(at, next).isBlank()) {
        at = next;
        continue;
      }
      if (equals < 0 || equals > next) {
        throw malformed(what);
      }
      String name = header.substring(at, equals).strip().toLowerCase(Locale.ROOT);
      int start = skipSpace(header, equals + 1);
      String parameter;
      if (start < header.length() && header.charAt(start) == '"') {
        var quoted = new StringBuilder();
        int i = start + 1;
        while (true) {
          if (i >= header.length()) {
            throw malformed(what);
          }
          char c = header.charAt(i);
          if (c == '"') {
            break;
          }
          if (c == '\\' && i + 1 < header.length()) {
            char escaped = header.charAt(i + 1);
            if (escaped == '"' || escaped == '\\') {
              quoted.append(escaped);
              i += 2;
              continue;
            }
          }
          quoted.append(c);
          i++;
        }
        int after = skipSpace(header, i + 1);
        if (after < header.length() && header.charAt(after) != ';') {
          throw malformed(what);
        }
        parameter = quoted.toString();
        next = after;
      } else {
        parameter = header.substring(start, next).strip();
        if (parameter.indexOf('"') >= 0) {
          throw malformed(what);
        }
      }
      if (name.isEmpty() || parameters.putIfAbsent(name, parameter) != null) {
        throw malformed(what);
      }
      at = next;
    }
    return new HeaderValue(value, parameters);
  }

  /** The next {@code ;} outside a quoted string, or the end. */
  private static int indexOfUnquoted(String header, int from) {
    boolean quoted = false;
    for (int i = from; i < header.length(); i++) {
      char c = header.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return i;
      }
    }
    return header.length();
  }

  private static int skipSpace(String header, int from) {
    int i = from;
    while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static MalformedInputException malformed(String what) {
    return new MalformedInputException("The " + what + " header is malformed");
  }
}

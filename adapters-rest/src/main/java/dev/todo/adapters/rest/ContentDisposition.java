package dev.todo.adapters.rest;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with the name twice: an ASCII fallback ({@code filename},
 * RFC 6266) and the exact UTF-8 name ({@code filename*}, RFC 8187).
 */
final class ContentDisposition {

  private static final String ATTR_CHARS = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  static String attachment(String filename) {
    return "attachment; filename=\""
        + asciiFallback(filename)
        + "\"; filename*=UTF-8''"
        + encode(filename);
  }

  /** Printable ASCII except quote and backslash; anything else becomes {@code _}. */
  static String asciiFallback(String filename) {
    var out = new StringBuilder();
    filename
        .codePoints()
        .forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return out.toString();
  }

  /** RFC 8187 value: attr-chars as they are, every other UTF-8 byte percent-encoded. */
  static String encode(String filename) {
    var out = new StringBuilder();
    for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}

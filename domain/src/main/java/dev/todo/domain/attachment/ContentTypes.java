package dev.todo.domain.attachment;

import java.util.Locale;
import java.util.regex.Pattern;

/** The media type an attachment is served with. */
public final class ContentTypes {

  public static final String DEFAULT = "application/octet-stream";

  private static final int MAX_LENGTH = 255;
  private static final String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[^\"\\p{Cc}]*\"))*");

  private ContentTypes() {}

  /** The client's type when it is a well-formed media type, else {@value #DEFAULT}. */
  public static String of(String declared) {
    if (declared == null) {
      return DEFAULT;
    }
    String type = declared.strip();
    if (type.isEmpty() || type.length() > MAX_LENGTH || !MEDIA_TYPE.matcher(type).matches()) {
      return DEFAULT;
    }
    int semicolon = type.indexOf(';');
    return semicolon < 0
        ? type.toLowerCase(Locale.ROOT)
        : type.substring(0, semicolon).strip().toLowerCase(Locale.ROOT) + type.substring(semicolon);
  }
}

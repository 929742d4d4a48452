package dev.todo.domain.todo;

import java.util.Locale;

/** Rules on user text shared by the value objects: code-point lengths, control characters, case. */
public final class Text {

  /**
   * The text with case ignored, as sorting and search compare it (Unicode's lower case, the same in
   * every locale).
   */
  public static String caseFolded(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private Text() {}

  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  public static boolean hasControlCharacter(String text, String allowed) {
    return text.codePoints()
        .anyMatch(c -> Character.getType(c) == Character.CONTROL && allowed.indexOf(c) < 0);
  }
}

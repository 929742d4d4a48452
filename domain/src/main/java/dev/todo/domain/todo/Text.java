package dev.todo.domain.todo;

/** Rules on user text shared by the value objects: code-point lengths and control characters. */
public final class Text {

  private Text() {}

  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  public static boolean hasControlCharacter(String text, String allowed) {
    return text.codePoints()
        .anyMatch(c -> Character.getType(c) == Character.CONTROL && allowed.indexOf(c) < 0);
  }
}

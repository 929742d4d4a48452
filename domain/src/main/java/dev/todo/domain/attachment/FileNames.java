package dev.todo.domain.attachment;

import java.util.regex.Pattern;

/** Turns what a client calls its file into a name safe to show and to offer back for download. */
public final class FileNames {

  /** Code points kept at most; a name is for display only. */
  public static final int MAX_LENGTH = 255;

  public static final String FALLBACK = "file";

  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  private FileNames() {}

  /**
   * Keeps the last path segment ({@code /} or {@code \} separated), removes control characters,
   * strips surrounding white space and cuts to {@value #MAX_LENGTH} code points; {@value #FALLBACK}
   * when nothing is left (or only dots).
   */
  public static String display(String raw) {
    if (raw == null) {
      return FALLBACK;
    }
    String name = CONTROL.matcher(raw).replaceAll("");
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(cut + 1).strip();
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }
    if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
      return FALLBACK;
    }
    return name;
  }
}

package dev.todo.domain.todo;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of one owner's to-dos a list covers. {@code text} is a literal, case-insensitive substring
 * of title or notes; the due-date bounds are inclusive and never match a to-do without a due date.
 * Any text is a valid search: text that no title or notes can hold (see {@link #matchesNothing()})
 * simply finds nothing.
 */
public record TodoFilter(
    String owner,
    StatusFilter status,
    Optional<String> text,
    Optional<Priority> priority,
    Optional<LocalDate> dueBefore,
    Optional<LocalDate> dueAfter) {

  public TodoFilter {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(status, "status");
    text = Objects.requireNonNull(text, "text").filter(t -> !t.isEmpty());
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(dueBefore, "dueBefore");
    Objects.requireNonNull(dueAfter, "dueAfter");
  }

  public static TodoFilter allOf(String owner) {
    return allOf(owner, Optional.empty());
  }

  /** The owner's to-dos whose title or notes hold {@code text}, whatever their status. */
  public static TodoFilter searching(String owner, String text) {
    return allOf(owner, Optional.of(text));
  }

  private static TodoFilter allOf(String owner, Optional<String> text) {
    return new TodoFilter(
        owner, StatusFilter.ALL, text, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * True when no to-do can match, whatever is stored: the text holds a control character that
   * neither a title (none) nor notes (only LF, CR and TAB) may contain, such as NUL. Repositories
   * answer such a filter without asking their store, whose text functions may not take such
   * characters literally (SQLite's LIKE and FTS5 stop at a NUL).
   */
  public boolean matchesNothing() {
    return text.filter(t -> Text.hasControlCharacter(t, Notes.ALLOWED_CONTROL_CHARACTERS))
        .isPresent();
  }

  /** True when only the status narrows the list, so counters can answer its size. */
  public boolean narrowsOnlyByStatus() {
    return text.isEmpty() && priority.isEmpty() && dueBefore.isEmpty() && dueAfter.isEmpty();
  }
}

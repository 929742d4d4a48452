package dev.todo.domain.todo;

import dev.todo.domain.list.ListId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which to-dos of a set of lists a query covers (the lists the caller may read, checked before).
 * {@code text} is a literal, case-insensitive substring of title or notes; the due-date bounds are
 * inclusive and never match a to-do without a due date. Any text is a valid search: text that no
 * title or notes can hold (see {@link #matchesNothing()}) simply finds nothing.
 */
public record TodoFilter(
    List<ListId> lists,
    StatusFilter status,
    Optional<String> text,
    Optional<Priority> priority,
    Optional<LocalDate> dueBefore,
    Optional<LocalDate> dueAfter) {

  public TodoFilter {
    lists = List.copyOf(lists);
    Objects.requireNonNull(status, "status");
    text = Objects.requireNonNull(text, "text").filter(t -> !t.isEmpty());
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(dueBefore, "dueBefore");
    Objects.requireNonNull(dueAfter, "dueAfter");
  }

  public static TodoFilter allOf(ListId list) {
    return allOf(list, Optional.empty());
  }

  /** The list's to-dos whose title or notes hold {@code text}, whatever their status. */
  public static TodoFilter searching(ListId list, String text) {
    return allOf(list, Optional.of(text));
  }

  private static TodoFilter allOf(ListId list, Optional<String> text) {
    return new TodoFilter(
        List.of(list),
        StatusFilter.ALL,
        text,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The same filter over other lists. */
  public TodoFilter over(List<ListId> otherLists) {
    return new TodoFilter(otherLists, status, text, priority, dueBefore, dueAfter);
  }

  /**
   * True when no to-do can match, whatever is stored: no list, due-date bounds that exclude each
   * other, or text that holds a control character that neither a title (none) nor notes (only LF,
   * CR and TAB) may contain, such as NUL. Repositories answer such a filter without asking their
   * store, whose text functions may not take such characters literally (SQLite's LIKE and FTS5 stop
   * at a NUL).
   */
  public boolean matchesNothing() {
    return lists.isEmpty()
        || text.filter(t -> Text.hasControlCharacter(t, Notes.ALLOWED_CONTROL_CHARACTERS))
            .isPresent()
        || dueAfter.isPresent() && dueBefore.isPresent() && dueAfter.get().isAfter(dueBefore.get());
  }

  /** True when only the status narrows the list, so counters can answer its size. */
  public boolean narrowsOnlyByStatus() {
    return text.isEmpty() && priority.isEmpty() && dueBefore.isEmpty() && dueAfter.isEmpty();
  }
}

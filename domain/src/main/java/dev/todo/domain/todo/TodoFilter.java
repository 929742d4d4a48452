package dev.todo.domain.todo;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of one owner's to-dos a list covers. {@code text} is a literal, case-insensitive substring
 * of title or notes; the due-date bounds are inclusive and never match a to-do without a due date.
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
    return new TodoFilter(
        owner,
        StatusFilter.ALL,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** True when only the status narrows the list, so counters can answer its size. */
  public boolean narrowsOnlyByStatus() {
    return text.isEmpty() && priority.isEmpty() && dueBefore.isEmpty() && dueAfter.isEmpty();
  }
}

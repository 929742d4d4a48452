package dev.todo.domain.todo;

import dev.todo.domain.error.MalformedInputException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The due-date views of a list query, relative to the caller's "today": overdue (active, due before
 * today), today (due today, active or not) and upcoming (due after today). Each narrows a filter
 * the way the other filters do, so that it combines with them.
 */
public enum DueView {
  OVERDUE,
  TODAY,
  UPCOMING;

  public static DueView parse(String text) {
    for (DueView view : values()) {
      if (view.name().toLowerCase(Locale.ROOT).equals(text)) {
        return view;
      }
    }
    throw new MalformedInputException("due must be overdue, today or upcoming");
  }

  /** {@code filter} narrowed to this view on {@code today}. */
  public TodoFilter narrow(TodoFilter filter, LocalDate today) {
    return switch (this) {
      case OVERDUE -> within(active(filter), Optional.empty(), Optional.of(today.minusDays(1)));
      case TODAY -> within(filter, Optional.of(today), Optional.of(today));
      case UPCOMING -> within(filter, Optional.of(today.plusDays(1)), Optional.empty());
    };
  }

  private static TodoFilter active(TodoFilter filter) {
    if (filter.status() != StatusFilter.COMPLETED) {
      return withStatus(filter, StatusFilter.ACTIVE);
    }
    // Completed and overdue exclude each other: bounds that no date meets.
    return within(filter, Optional.of(LocalDate.MAX), Optional.of(LocalDate.MIN));
  }

  private static TodoFilter withStatus(TodoFilter filter, StatusFilter status) {
    return new TodoFilter(
        filter.lists(),
        status,
        filter.text(),
        filter.priority(),
        filter.dueBefore(),
        filter.dueAfter());
  }

  /** The filter's due-date bounds intersected with {@code [from, to]} (both inclusive). */
  private static TodoFilter within(
      TodoFilter filter, Optional<LocalDate> from, Optional<LocalDate> to) {
    return new TodoFilter(
        filter.lists(),
        filter.status(),
        filter.text(),
        filter.priority(),
        earliest(filter.dueBefore(), to),
        latest(filter.dueAfter(), from));
  }

  private static Optional<LocalDate> earliest(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.or(() -> b);
    }
    return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
  }

  private static Optional<LocalDate> latest(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.or(() -> b);
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }
}

package dev.todo.domain.todo;

/** Progress over one owner's to-dos; overdue and due-today count active to-dos only. */
public record TodoStats(long total, long completed, long overdue, long dueToday) {

  public TodoStats {
    if (total < 0 || completed < 0 || completed > total || overdue < 0 || dueToday < 0) {
      throw new IllegalArgumentException("Inconsistent counts");
    }
  }

  public long active() {
    return total - completed;
  }

  /** Completed over total, 0.0 when there are none. */
  public double completionRate() {
    return total == 0 ? 0.0 : (double) completed / total;
  }
}

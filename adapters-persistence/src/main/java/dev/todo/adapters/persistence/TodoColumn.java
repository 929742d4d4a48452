package dev.todo.adapters.persistence;

import dev.todo.domain.todo.Notes;
import dev.todo.domain.todo.Todo;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The columns of {@code todos}, listed once: what each holds of a {@link Todo} and whether an
 * update writes it. Queries select them in this order ({@link TodoRows}). Times are epoch
 * milliseconds, the due date an ISO date, the priority its rank; the list is stored as its row's
 * {@code seq} and read and written by its public id.
 */
enum TodoColumn implements Column<Todo> {
  ID("id"),
  LIST("list_seq"),
  CREATED_BY("created_by"),
  TITLE("title"),
  TITLE_SORT("title_sort"),
  NOTES("notes"),
  NOTES_FOLD("notes_fold"),
  COMPLETED("completed"),
  COMPLETED_AT("completed_at"),
  COMPLETED_BY("completed_by"),
  DUE_DATE("due_date"),
  PRIORITY("priority"),
  POSITION("position"),
  ATTACHMENT_COUNT("attachment_count"),
  STEP_COUNT("step_count"),
  STEPS_COMPLETED("steps_completed"),
  CREATED_AT("created_at"),
  UPDATED_AT("updated_at"),
  VERSION("version");

  /** The {@code seq} of the list with the id given as parameter. */
  static final String LIST_SEQ = "(SELECT seq FROM lists WHERE id = ?)";

  private final String column;

  TodoColumn(String column) {
    this.column = column;
  }

  @Override
  public String column() {
    return column;
  }

  @Override
  public String parameter() {
    return this == LIST ? LIST_SEQ : "?";
  }

  /** {@code notes_fold} is written for the search and never read back: a select skips it. */
  @Override
  public String selected(String alias) {
    return switch (this) {
      case LIST -> "(SELECT id FROM lists WHERE seq = " + alias + ".list_seq)";
      case NOTES_FOLD -> "NULL";
      default -> alias + "." + column;
    };
  }

  /** The value stored for {@code todo}. */
  @Override
  public Object valueOf(Todo todo) {
    return switch (this) {
      case ID -> todo.id().toString();
      case LIST -> todo.listId().toString();
      case CREATED_BY -> todo.createdBy().orElse(null);
      case TITLE -> todo.title().value();
      case TITLE_SORT -> todo.title().sortKey();
      case NOTES -> todo.notes().map(Notes::value).orElse(null);
      case NOTES_FOLD -> todo.notes().map(Notes::searchKey).orElse(null);
      case COMPLETED -> todo.completed() ? 1 : 0;
      case COMPLETED_AT -> todo.completedAt().map(Instant::toEpochMilli).orElse(null);
      case COMPLETED_BY -> todo.completedBy().orElse(null);
      case DUE_DATE -> todo.dueDate().map(LocalDate::toString).orElse(null);
      case PRIORITY -> todo.priority().rank();
      case POSITION -> todo.position();
      case ATTACHMENT_COUNT -> todo.attachmentCount();
      case STEP_COUNT -> todo.stepCount();
      case STEPS_COMPLETED -> todo.stepsCompleted();
      case CREATED_AT -> todo.createdAt().toEpochMilli();
      case UPDATED_AT -> todo.updatedAt().toEpochMilli();
      case VERSION -> todo.version();
    };
  }

  /**
   * Whether an update of the to-do writes this column: not its identity, its creator or creation
   * time, nor a counter that other writes keep ({@code attachment_count}, {@code step_count},
   * {@code steps_completed}).
   */
  @Override
  public boolean isUpdated() {
    return switch (this) {
      case ID, CREATED_BY, CREATED_AT, ATTACHMENT_COUNT, STEP_COUNT, STEPS_COMPLETED -> false;
      default -> true;
    };
  }
}

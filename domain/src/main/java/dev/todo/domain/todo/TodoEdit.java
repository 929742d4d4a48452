package dev.todo.domain.todo;

import dev.todo.domain.error.ValidationException;
import dev.todo.domain.list.ListId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validated changes to a to-do's editable fields, built from the caller's {@link TodoInput} by the
 * rules of one operation. Every offending field is reported at once. The list is changed only by
 * {@link #movingTo}, once the application has resolved the target list the input names.
 */
public record TodoEdit(
    Change<ListId> list,
    Change<Title> title,
    Change<Notes> notes,
    Change<Boolean> completed,
    Change<LocalDate> dueDate,
    Change<Priority> priority,
    Change<Long> position) {

  /** Positions stay within what a JavaScript number represents exactly. */
  public static final long MAX_POSITION = (1L << 53) - 1;

  /**
   * Whether {@code position} is within ±{@link #MAX_POSITION} (not {@code Math.abs}, which keeps
   * {@code Long.MIN_VALUE} negative).
   */
  public static boolean isValidPosition(long position) {
    return position >= -MAX_POSITION && position <= MAX_POSITION;
  }

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private enum Mode {
    CREATE,
    REPLACE,
    MERGE
  }

  /** POST: title required; defaults for the rest; position absent means last. */
  public static TodoEdit forCreate(TodoInput input) {
    return build(input, Mode.CREATE);
  }

  /** PUT: title required; absent optional fields are cleared; absent position is kept. */
  public static TodoEdit forReplace(TodoInput input) {
    return build(input, Mode.REPLACE);
  }

  /** PATCH (RFC 7396): absent keeps, null clears; title, completed and position cannot be null. */
  public static TodoEdit forMergePatch(TodoInput input) {
    return build(input, Mode.MERGE);
  }

  private static TodoEdit build(TodoInput input, Mode mode) {
    var errors = new ValidationException.Collector();
    var edit =
        new TodoEdit(
            Change.keep(),
            required(errors, Title.FIELD, input.title(), mode, Title::of),
            optional(errors, Notes.FIELD, input.notes(), mode, raw -> Notes.of(raw).orElse(null)),
            notNull(
                errors,
                "completed",
                input.completed(),
                mode == Mode.MERGE ? Change.keep() : Change.to(false)),
            optional(errors, "due_date", input.dueDate(), mode, TodoEdit::parseDate),
            priority(errors, input.priority(), mode),
            notNull(errors, "position", input.position(), Change.<Long>keep())
                .map(p -> checkPosition(errors, p)));
    errors.throwIfAny();
    return edit;
  }

  /**
   * The same edit that also moves the to-do to {@code target}, where it goes to {@code
   * lastPosition} unless the edit sets a position itself.
   */
  public TodoEdit movingTo(ListId target, long lastPosition) {
    return new TodoEdit(
        Change.to(target),
        title,
        notes,
        completed,
        dueDate,
        priority,
        position.present() ? position : Change.to(lastPosition));
  }

  private static <R> Change<R> required(
      ValidationException.Collector errors,
      String field,
      Field<String> input,
      Mode mode,
      Function<String, R> parser) {
    return switch (input) {
      case Field.Value<String> v -> parse(errors, field, () -> parser.apply(v.value()));
      case Field.Null<String> n -> reject(errors, field, "must not be null");
      case Field.Absent<String> a ->
          mode == Mode.MERGE ? Change.keep() : reject(errors, field, "is required");
    };
  }

  private static <R> Change<R> optional(
      ValidationException.Collector errors,
      String field,
      Field<String> input,
      Mode mode,
      Function<String, R> parser) {
    return switch (input) {
      case Field.Value<String> v -> parse(errors, field, () -> parser.apply(v.value()));
      case Field.Null<String> n -> Change.to(null);
      case Field.Absent<String> a -> mode == Mode.MERGE ? Change.keep() : Change.to(null);
    };
  }

  private static <T> Change<T> notNull(
      ValidationException.Collector errors, String field, Field<T> input, Change<T> whenAbsent) {
    return switch (input) {
      case Field.Value<T> v -> Change.to(v.value());
      case Field.Null<T> n -> reject(errors, field, "must not be null");
      case Field.Absent<T> a -> whenAbsent;
    };
  }

  private static Change<Priority> priority(
      ValidationException.Collector errors, Field<String> input, Mode mode) {
    return switch (input) {
      case Field.Value<String> v -> parse(errors, Priority.FIELD, () -> Priority.parse(v.value()));
      case Field.Null<String> n -> Change.to(Priority.NONE);
      case Field.Absent<String> a -> mode == Mode.MERGE ? Change.keep() : Change.to(Priority.NONE);
    };
  }

  private static <R> Change<R> parse(
      ValidationException.Collector errors, String field, java.util.function.Supplier<R> parser) {
    try {
      return Change.to(parser.get());
    } catch (ValidationException e) {
      errors.addAll(e);
      return Change.keep();
    }
  }

  private static <R> Change<R> reject(
      ValidationException.Collector errors, String field, String message) {
    errors.add(field, message);
    return Change.keep();
  }

  private static Long checkPosition(ValidationException.Collector errors, Long position) {
    if (!isValidPosition(position)) {
      errors.add("position", "must be between -" + MAX_POSITION + " and " + MAX_POSITION);
    }
    return position;
  }

  private static LocalDate parseDate(String text) {
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        // falls through to the validation error
      }
    }
    throw ValidationException.of("due_date", "must be a valid date (YYYY-MM-DD)");
  }
}

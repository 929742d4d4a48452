package dev.todo.domain.step;

import dev.todo.domain.error.ValidationException;
import dev.todo.domain.todo.Change;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.TodoEdit;

/**
 * Validated changes to a step's fields, built from the caller's {@link StepInput} by the rules of
 * one operation; every offending field is reported at once. Titles follow the to-do's rules ({@link
 * Title}), positions the to-do's range ({@link TodoEdit#isValidPosition}); none of the three fields
 * may be {@code null}.
 */
public record StepEdit(Change<Title> title, Change<Boolean> completed, Change<Long> position) {

  /** POST: title required; completed defaults to false; position absent means last. */
  public static StepEdit forCreate(StepInput input) {
    return build(input, true);
  }

  /** PATCH (RFC 7396): absent keeps; {@code null} is refused for every field. */
  public static StepEdit forMergePatch(StepInput input) {
    return build(input, false);
  }

  private static StepEdit build(StepInput input, boolean create) {
    var errors = new ValidationException.Collector();
    var edit =
        new StepEdit(
            title(errors, input.title(), create),
            value(
                errors, "completed", input.completed(), create ? Change.to(false) : Change.keep()),
            position(errors, input.position()));
    errors.throwIfAny();
    return edit;
  }

  private static Change<Title> title(
      ValidationException.Collector errors, Field<String> input, boolean create) {
    return switch (input) {
      case Field.Value<String> v -> {
        try {
          yield Change.to(Title.of(v.value()));
        } catch (ValidationException e) {
          errors.addAll(e);
          yield Change.keep();
        }
      }
      case Field.Null<String> n -> reject(errors, "title", "must not be null");
      case Field.Absent<String> a ->
          create ? reject(errors, "title", "is required") : Change.keep();
    };
  }

  private static Change<Long> position(ValidationException.Collector errors, Field<Long> input) {
    Change<Long> position = value(errors, "position", input, Change.keep());
    if (position.present() && !TodoEdit.isValidPosition(position.value())) {
      errors.add(
          "position",
          "must be between -" + TodoEdit.MAX_POSITION + " and " + TodoEdit.MAX_POSITION);
    }
    return position;
  }

  private static <T> Change<T> value(
      ValidationException.Collector errors, String field, Field<T> input, Change<T> whenAbsent) {
    return switch (input) {
      case Field.Value<T> v -> Change.to(v.value());
      case Field.Null<T> n -> reject(errors, field, "must not be null");
      case Field.Absent<T> a -> whenAbsent;
    };
  }

  private static <T> Change<T> reject(
      ValidationException.Collector errors, String field, String message) {
    errors.add(field, message);
    return Change.keep();
  }
}

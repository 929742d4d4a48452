package dev.todo.domain.step;

import dev.todo.domain.todo.Field;
import java.util.Objects;

/** A step's editable fields as the caller sent them, typed but not yet validated. */
public record StepInput(Field<String> title, Field<Boolean> completed, Field<Long> position) {

  public StepInput {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(completed, "completed");
    Objects.requireNonNull(position, "position");
  }

  public static StepInput titled(String title) {
    return new StepInput(Field.of(title), Field.absent(), Field.absent());
  }
}

package dev.todo.domain.list;

import dev.todo.domain.todo.Field;
import java.util.Objects;

/** A list's fields as the caller sent them: its name and the caller's own position of it. */
public record ListInput(Field<String> name, Field<Long> position) {

  public ListInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
  }
}

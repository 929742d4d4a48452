package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoInput;
import java.util.Objects;

/** Adds a to-do to the caller's list, last unless the input gives a position. */
public interface CreateTodoUseCase {

  Todo create(CreateTodoCommand command);

  record CreateTodoCommand(Caller caller, InputSource<TodoInput> input) {
    public CreateTodoCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(input, "input");
    }
  }
}

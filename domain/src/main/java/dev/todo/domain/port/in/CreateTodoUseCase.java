package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.CreateRequestKey;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoInput;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds a to-do to the caller's list, last unless the input gives a position; once per request key.
 */
public interface CreateTodoUseCase {

  Todo create(CreateTodoCommand command);

  /** requestKey: given, a create sent again answers with the to-do the first one made. */
  record CreateTodoCommand(
      Caller caller, InputSource<TodoInput> input, Optional<CreateRequestKey> requestKey) {
    public CreateTodoCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(requestKey, "requestKey");
    }

    public CreateTodoCommand(Caller caller, InputSource<TodoInput> input) {
      this(caller, input, Optional.empty());
    }
  }
}

package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.util.Objects;

/** Changes one to-do: replacing its editable fields (PUT) or merging a patch (RFC 7396). */
public interface UpdateTodoUseCase {

  Todo replace(UpdateTodoCommand command);

  Todo mergePatch(UpdateTodoCommand command);

  record UpdateTodoCommand(
      Caller caller, TodoId id, VersionPrecondition precondition, InputSource<TodoInput> input) {
    public UpdateTodoCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(precondition, "precondition");
      Objects.requireNonNull(input, "input");
    }
  }
}

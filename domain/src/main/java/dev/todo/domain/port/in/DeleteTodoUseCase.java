package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.VersionPrecondition;
import java.util.Objects;

/** Moves one to-do to the trash, with its steps and attachments. */
public interface DeleteTodoUseCase {

  void delete(DeleteTodoCommand command);

  record DeleteTodoCommand(Caller caller, TodoId id, VersionPrecondition precondition) {
    public DeleteTodoCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(precondition, "precondition");
    }
  }
}

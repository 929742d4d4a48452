package dev.todo.domain.port.in;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.StatusFilter;
import java.util.Objects;

/** Changes every to-do of the caller at once: marks them (in)complete, or deletes them. */
public interface BulkEditTodosUseCase {

  /** Returns how many to-dos actually changed. */
  long setCompleted(SetCompletedCommand command);

  /** Returns how many to-dos were deleted. */
  long deleteAll(DeleteTodosCommand command);

  record SetCompletedCommand(Caller caller, StatusFilter status, InputSource<Boolean> completed) {
    public SetCompletedCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(completed, "completed");
    }
  }

  /** Only {@code COMPLETED} (clear completed) and {@code ALL} are accepted: never by accident. */
  record DeleteTodosCommand(Caller caller, StatusFilter status) {
    public DeleteTodosCommand {
      Objects.requireNonNull(caller, "caller");
      if (status != StatusFilter.COMPLETED && status != StatusFilter.ALL) {
        throw new MalformedInputException("status must be completed or all");
      }
    }
  }
}

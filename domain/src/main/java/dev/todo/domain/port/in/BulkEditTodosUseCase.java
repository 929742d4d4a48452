package dev.todo.domain.port.in;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.StatusFilter;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes many to-dos at once: marks them (in)complete, or deletes them; in one list, or in every
 * list the caller owns (never someone else's shared list).
 */
public interface BulkEditTodosUseCase {

  /** Returns how many to-dos actually changed. */
  long setCompleted(SetCompletedCommand command);

  /** Moves the to-dos to the trash; returns how many. */
  long deleteAll(DeleteTodosCommand command);

  /** {@code listId} names one list (an editor's); without it, the lists the caller owns. */
  record SetCompletedCommand(
      Caller caller, Optional<String> listId, StatusFilter status, InputSource<Boolean> completed) {
    public SetCompletedCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(listId, "listId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(completed, "completed");
    }
  }

  /** Only {@code COMPLETED} (clear completed) and {@code ALL} are accepted: never by accident. */
  record DeleteTodosCommand(Caller caller, Optional<String> listId, StatusFilter status) {
    public DeleteTodosCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(listId, "listId");
      if (status != StatusFilter.COMPLETED && status != StatusFilter.ALL) {
        throw new MalformedInputException("status must be completed or all");
      }
    }
  }
}

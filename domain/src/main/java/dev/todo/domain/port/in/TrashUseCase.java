package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TrashPage;
import java.util.Optional;

/**
 * The trash of the lists a caller may edit: what deleting a to-do put there, restored or deleted
 * for good; and the purge of everything trashed longer than the retention period. Ids and {@code
 * list_id} arrive as the caller wrote them: a malformed one finds nothing.
 */
public interface TrashUseCase {

  /** The trashed to-dos of {@code listId} (an editor's), else of every list the caller edits. */
  TrashPage list(Caller caller, Optional<String> listId, PageRequest page);

  /** Back into its list at its old position, one version higher; not in the trash: 409. */
  Todo restore(Caller caller, String todoId);

  /** Deletes a trashed to-do for good, with its steps, attachments and their objects. */
  void deleteForGood(Caller caller, String todoId);

  /** Empties the trash of {@code listId} (an editor's), else of the lists the caller owns. */
  long empty(Caller caller, Optional<String> listId);

  /** The admin's purge: returns how many trashed to-dos were deleted for good. */
  long purge(Caller caller);

  /** The same purge run by the service itself, as nobody; returns how many. */
  long purgeExpired();
}

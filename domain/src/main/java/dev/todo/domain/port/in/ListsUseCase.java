package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.list.ListView;
import dev.todo.domain.todo.VersionPrecondition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's lists: create, read, rename or reorder, delete. Ids arrive as the caller wrote them:
 * a malformed one finds no list. Checks come in the contract's order: the list and the caller's
 * access (404), a read-only account or a role too low (403), state (409), the precondition (412),
 * then the body.
 */
public interface ListsUseCase {

  /** A new list, last in the caller's order unless the input says where. */
  ListView create(Caller caller, InputSource<ListInput> input);

  /**
   * The lists the caller is a member of, in their own order, the default list created if it is
   * missing; with {@code owner}, the lists that user owns (an admin may name anyone, anyone else
   * only themself).
   */
  List<ListView> list(Caller caller, Optional<String> owner);

  ListView get(Caller caller, String listId);

  /** A merge patch: {@code name} (the owner only), {@code position} (any member, their own). */
  ListView patch(PatchListCommand command);

  /** Deletes the list with everything in it (not the default list: 409). */
  void delete(Caller caller, String listId, VersionPrecondition precondition);

  record PatchListCommand(
      Caller caller,
      String listId,
      VersionPrecondition precondition,
      InputSource<ListInput> input) {
    public PatchListCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(listId, "listId");
      Objects.requireNonNull(precondition, "precondition");
      Objects.requireNonNull(input, "input");
    }
  }
}

package dev.todo.application;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.ListRepository;
import java.util.List;
import java.util.Optional;

/**
 * Which lists a query or a bulk change covers, read in the use case's own transaction: the one it
 * names (a list the caller cannot read is not found), the lists a user owns, or, for reads, every
 * list the caller can read.
 */
final class ListSelection {

  private ListSelection() {}

  /** The lists a read covers. */
  static List<ListId> toRead(
      ListRepository lists, Caller caller, Optional<String> listId, Optional<String> owner) {
    if (listId.isPresent()) {
      return List.of(AccessibleLists.find(lists, caller, listId.get()).list().id());
    }
    if (owner.isPresent()) {
      return ownedBy(lists, caller.ownerToRead(owner));
    }
    return lists.membershipsOf(caller.subject()).stream().map(m -> m.list().id()).toList();
  }

  /** The lists a bulk change covers: the one named (editors), else the caller's own. */
  static List<ListId> toChange(ListRepository lists, Caller caller, Optional<String> listId) {
    if (listId.isPresent()) {
      var found = AccessibleLists.find(lists, caller, listId.get());
      found.access().requireEdit();
      return List.of(found.list().id());
    }
    caller.requireWriteAccess();
    return ownedBy(lists, caller.subject());
  }

  /** The lists whose trash a read covers: the one named (editors), else every list they edit. */
  static List<ListId> toReadTrash(ListRepository lists, Caller caller, Optional<String> listId) {
    if (listId.isPresent()) {
      var found = AccessibleLists.find(lists, caller, listId.get());
      found.access().requireEditorRole();
      return List.of(found.list().id());
    }
    return lists.membershipsOf(caller.subject()).stream()
        .filter(membership -> membership.role().allows(ListRole.EDITOR))
        .map(membership -> membership.list().id())
        .toList();
  }

  private static List<ListId> ownedBy(ListRepository lists, String user) {
    return lists.membershipsOf(user).stream()
        .filter(membership -> membership.role() == ListRole.OWNER)
        .map(Membership::list)
        .map(TodoList::id)
        .toList();
  }
}

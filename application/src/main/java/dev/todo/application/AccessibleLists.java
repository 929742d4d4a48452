package dev.todo.application;

import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListAccess;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.ListRepository;

/**
 * The one way a use case learns what a caller may do with a list: the list and the caller's
 * membership, read in the use case's own transaction (never cached, so a removed member loses
 * access at once). A list that does not exist, a malformed id and a list the caller may not read
 * are all "not found".
 */
final class AccessibleLists {

  private AccessibleLists() {}

  /** A list with the caller's access to it. */
  record Accessible(TodoList list, ListAccess access) {}

  static Accessible find(ListRepository lists, Caller caller, String rawId) {
    ListId id = ListId.parse(rawId).orElseThrow(ListNotFoundException::new);
    TodoList list = lists.findById(id).orElseThrow(ListNotFoundException::new);
    var access = new ListAccess(caller, id, lists.roleOf(id, caller.subject()));
    access.requireRead();
    return new Accessible(list, access);
  }
}

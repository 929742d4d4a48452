package dev.todo.application;

import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListAccess;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;

/**
 * The contract's first check for everything about one to-do: it exists and the caller may read its
 * list (their membership, read in this transaction, or the admin bypass), otherwise "not found": a
 * to-do in a list the caller cannot see does not exist for them, never forbidden.
 */
final class AccessibleTodos {

  private AccessibleTodos() {}

  /** A to-do with the caller's access to its list. */
  record Accessible(Todo todo, ListAccess access) {

    /** The to-do, once the caller may change what is in its list (else 403). */
    Todo editable() {
      access.requireEdit();
      return todo;
    }
  }

  static Accessible find(TodoRepository todos, ListRepository lists, Caller caller, TodoId id) {
    Todo todo = todos.findById(id).orElseThrow(TodoNotFoundException::new);
    var access =
        new ListAccess(caller, todo.listId(), lists.roleOf(todo.listId(), caller.subject()));
    if (!access.canRead()) {
      throw new TodoNotFoundException();
    }
    return new Accessible(todo, access);
  }
}

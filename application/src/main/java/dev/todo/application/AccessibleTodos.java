package dev.todo.application;

import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;

/**
 * The contract's first check for everything about one to-do: it exists and the caller may see it,
 * otherwise "not found" (another user's to-do is not found, never forbidden).
 */
final class AccessibleTodos {

  private AccessibleTodos() {}

  static Todo find(TodoRepository todos, Caller caller, TodoId id) {
    return todos
        .findById(id)
        .filter(todo -> caller.canAccess(todo.owner()))
        .orElseThrow(TodoNotFoundException::new);
  }
}

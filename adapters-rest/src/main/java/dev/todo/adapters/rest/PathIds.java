package dev.todo.adapters.rest;

import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.todo.TodoId;

/** Ids in request paths: one that cannot name a to-do names none, so it is "not found". */
final class PathIds {

  private PathIds() {}

  static TodoId todoId(String text) {
    return TodoId.parse(text).orElseThrow(TodoNotFoundException::new);
  }
}

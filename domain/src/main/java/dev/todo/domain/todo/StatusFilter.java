package dev.todo.domain.todo;

/** Which to-dos a list or bulk operation covers by completion. */
public enum StatusFilter {
  ALL,
  ACTIVE,
  COMPLETED
}

package dev.todo.domain.todo;

/**
 * Orders of a list. Ties are broken by creation time, then id, in the requested direction; {@code
 * PRIORITY} sorts by rank, {@code TITLE} case-insensitively, and to-dos without a due date come
 * last in {@code DUE_DATE} order whatever the direction.
 */
public enum TodoSort {
  POSITION,
  CREATED_AT,
  UPDATED_AT,
  DUE_DATE,
  PRIORITY,
  TITLE
}

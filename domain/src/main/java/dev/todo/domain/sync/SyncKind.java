package dev.todo.domain.sync;

/**
 * The streams a sync merges, in the order that breaks ties between entries of one change: a list,
 * then its to-dos, their steps, what was removed from a list, and the lists a user lost.
 */
public enum SyncKind {
  LIST,
  TODO,
  STEP,
  REMOVED_FROM_LIST,
  REMOVED_FOR_USER
}

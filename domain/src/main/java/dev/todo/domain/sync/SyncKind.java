package dev.todo.domain.sync;

/**
 * The streams a sync merges, in the order that breaks ties between entries of one change: what was
 * removed first (from a list, then the lists a user lost), then a list, its to-dos and their steps.
 * A to-do moved from one of the user's lists to another is removed from the first and arrives in
 * the second by the same change: the removal must come first, or the client would drop what it has
 * just received.
 */
public enum SyncKind {
  REMOVED_FROM_LIST,
  REMOVED_FOR_USER,
  LIST,
  TODO,
  STEP
}

package dev.todo.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The object names of this process's uploads under way: from before the object is written until its
 * row is committed or the upload has failed. {@link ReconcileAttachmentsService} never removes
 * them, whatever its grace period. It holds nothing between requests: an upload removes its name
 * when it answers, and a crash takes the whole set with it (an object it leaves is an orphan).
 */
final class UploadsInFlight {

  private final Set<String> names = ConcurrentHashMap.newKeySet();

  /** Before the object is written. */
  void begin(String name) {
    if (!names.add(name)) {
      throw new IllegalStateException("An upload to " + name + " is already under way");
    }
  }

  /** After the row is committed, or after the upload failed (its object removed). */
  void end(String name) {
    names.remove(name);
  }

  boolean contains(String name) {
    return names.contains(name);
  }
}

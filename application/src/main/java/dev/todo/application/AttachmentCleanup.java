package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoId;
import java.util.List;

/**
 * The objects of attachments whose rows a write deletes. Inside the write, it names the attachments
 * that go with what is deleted (their rows go with their to-dos); after the commit, it removes
 * their objects: a write that rolls back keeps its files, and no row ever points to a missing
 * object. An object that cannot be removed then is left to the reconcile routine.
 */
public final class AttachmentCleanup {

  private static final System.Logger LOG = System.getLogger(AttachmentCleanup.class.getName());

  private final AttachmentRepository attachments;
  private final BlobStorage blobs;

  public AttachmentCleanup(AttachmentRepository attachments, BlobStorage blobs) {
    this.attachments = attachments;
    this.blobs = blobs;
  }

  /** Inside the write that deletes the to-do. */
  List<Attachment> goingWith(TodoId todo) {
    return attachments.findByTodo(todo);
  }

  /** Inside the write that deletes the lists' to-dos that match {@code status} (or the lists). */
  List<Attachment> goingWith(List<ListId> lists, StatusFilter status) {
    return attachments.findInLists(lists, status);
  }

  /** After the commit. */
  void removeObjects(List<Attachment> removed) {
    removed.forEach(attachment -> removeObject(attachment.objectName()));
  }

  /** After the commit, or after a failed upload: never throws. */
  void removeObject(String name) {
    try {
      blobs.delete(name);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Could not delete object " + name + "; the reconcile routine will: " + e.getMessage());
    }
  }
}

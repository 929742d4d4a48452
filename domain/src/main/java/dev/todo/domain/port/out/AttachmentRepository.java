package dev.todo.domain.port.out;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoId;
import java.util.List;
import java.util.Optional;

/**
 * The attachments' metadata. Called inside a transaction of {@link Transactions}; keeps the to-do's
 * {@code attachmentCount} exact in that same transaction. An attachment goes with its to-do:
 * deleting the to-do (one, in bulk, or with its list) deletes its attachments' metadata too, and
 * moving it to another list moves them.
 */
public interface AttachmentRepository {

  Optional<Attachment> findById(AttachmentId id);

  /** The to-do's attachments, oldest first (ties by id). */
  List<Attachment> findByTodo(TodoId todoId);

  /** The attachments of the lists' to-dos that match {@code status}. */
  List<Attachment> findInLists(List<ListId> lists, StatusFilter status);

  /** Stores a new attachment of an existing to-do and counts it on the to-do. */
  void insert(Attachment attachment);

  /** Deletes the attachment, if stored, and uncounts it. */
  void delete(Attachment attachment);
}

package dev.todo.domain.testing;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory fake of {@link AttachmentRepository} over an {@link InMemoryTodoRepository}: it keeps
 * the to-do's count, and an attachment whose to-do is gone is gone too (as with the real foreign
 * key).
 */
public final class InMemoryAttachmentRepository
    implements AttachmentRepository, InMemoryTransactions.Participant {

  private static final Comparator<Attachment> OLDEST_FIRST =
      Comparator.comparing(Attachment::createdAt).thenComparing(a -> a.id().toString());

  private final InMemoryTodoRepository todos;
  private final Map<AttachmentId, Attachment> attachments = new LinkedHashMap<>();

  public InMemoryAttachmentRepository(InMemoryTodoRepository todos) {
    this.todos = todos;
  }

  @Override
  public synchronized Optional<Attachment> findById(AttachmentId id) {
    return Optional.ofNullable(attachments.get(id)).filter(this::todoExists);
  }

  @Override
  public synchronized List<Attachment> findByTodo(TodoId todoId) {
    return attachments.values().stream()
        .filter(a -> a.todoId().equals(todoId))
        .filter(this::todoExists)
        .sorted(OLDEST_FIRST)
        .toList();
  }

  @Override
  public synchronized List<Attachment> findInLists(List<ListId> lists, StatusFilter status) {
    return attachments.values().stream()
        .filter(
            a ->
                todos
                    .row(a.todoId())
                    .filter(t -> lists.contains(t.listId()) && matches(t, status))
                    .isPresent())
        .sorted(OLDEST_FIRST)
        .toList();
  }

  @Override
  public synchronized void insert(Attachment attachment) {
    if (todos.row(attachment.todoId()).isEmpty()) {
      throw new IllegalStateException("No to-do " + attachment.todoId());
    }
    if (attachments.putIfAbsent(attachment.id(), attachment) != null) {
      throw new IllegalStateException("Duplicate attachment " + attachment.id());
    }
    todos.adjustAttachmentCount(attachment.todoId(), 1);
  }

  @Override
  public synchronized void delete(Attachment attachment) {
    if (attachments.remove(attachment.id()) != null && todoExists(attachment)) {
      todos.adjustAttachmentCount(attachment.todoId(), -1);
    }
  }

  @Override
  public synchronized Runnable checkpoint() {
    var saved = new LinkedHashMap<>(attachments);
    return () -> {
      synchronized (this) {
        attachments.clear();
        attachments.putAll(saved);
      }
    };
  }

  private boolean todoExists(Attachment attachment) {
    return todos.row(attachment.todoId()).isPresent();
  }

  private static boolean matches(Todo todo, StatusFilter status) {
    return switch (status) {
      case ALL -> true;
      case ACTIVE -> !todo.completed();
      case COMPLETED -> todo.completed();
    };
  }
}

package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttachmentRepository} promises: metadata stored field for field, the to-do's
 * count kept exact, attachments gone with their to-do. Run against the fake and the SQLite adapter.
 */
public abstract class AttachmentRepositoryContract {

  protected TodoRepository todos;
  protected UserRepository users;
  protected ListRepository lists;
  protected AttachmentRepository attachments;

  /** A fresh, empty set of repositories for each test. */
  protected abstract void createRepositories();

  /** Runs work the way the application does: inside one transaction. */
  protected abstract <T> T inTransaction(Supplier<T> work);

  private Todo todo;
  private Todo done;

  @BeforeEach
  void setUp() {
    createRepositories();
    todo = aTodo().ownedBy("alice").titled("open").build();
    done = aTodo().ownedBy("alice").titled("done").completed().build();
    inTransaction(
        () -> {
          TestLists.registerWithLists(users, lists, "alice", "bob");
          todos.insert(todo);
          todos.insert(done);
          return null;
        });
  }

  public static Attachment anAttachment(TodoId todoId, long secondsAfterT0) {
    return new Attachment(
        AttachmentId.random(),
        todoId,
        "reçu n°1.pdf",
        "application/pdf",
        48_213,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        T0.plus(Duration.ofSeconds(secondsAfterT0)));
  }

  private void insert(Attachment... items) {
    inTransaction(
        () -> {
          for (Attachment a : items) {
            attachments.insert(a);
          }
          return null;
        });
  }

  private int countOf(Todo t) {
    return inTransaction(() -> todos.findById(t.id()).orElseThrow().attachmentCount());
  }

  @Test
  void findsWhatItStoredFieldForField() {
    var attachment = anAttachment(todo.id(), 1);
    insert(attachment);

    assertThat(inTransaction(() -> attachments.findById(attachment.id()))).contains(attachment);
    assertThat(inTransaction(() -> attachments.findById(AttachmentId.random()))).isEmpty();
  }

  @Test
  void listsATodosAttachmentsOldestFirst() {
    var second = anAttachment(todo.id(), 2);
    var first = anAttachment(todo.id(), 1);
    var other = anAttachment(done.id(), 0);
    insert(second, first, other);

    assertThat(inTransaction(() -> attachments.findByTodo(todo.id())))
        .containsExactly(first, second);
    assertThat(inTransaction(() -> attachments.findByTodo(TodoId.random()))).isEmpty();
  }

  @Test
  void keepsTheTodosCountExactWithoutChangingItsVersion() {
    var a = anAttachment(todo.id(), 1);
    var b = anAttachment(todo.id(), 2);
    insert(a, b);
    assertThat(countOf(todo)).isEqualTo(2);

    inTransaction(
        () -> {
          attachments.delete(a);
          return null;
        });

    assertThat(countOf(todo)).isEqualTo(1);
    assertThat(countOf(done)).isZero();
    assertThat(inTransaction(() -> todos.findById(todo.id()).orElseThrow().version()))
        .isEqualTo(todo.version());
    assertThat(inTransaction(() -> attachments.findByTodo(todo.id()))).containsExactly(b);
  }

  @Test
  void findsTheAttachmentsOfAnOwnersTodosByStatus() {
    var open = anAttachment(todo.id(), 1);
    var closed = anAttachment(done.id(), 2);
    insert(open, closed);

    assertThat(
            inTransaction(
                () -> attachments.findInLists(List.of(listOf("alice")), StatusFilter.ALL)))
        .containsExactlyInAnyOrder(open, closed);
    assertThat(
            inTransaction(
                () -> attachments.findInLists(List.of(listOf("alice")), StatusFilter.COMPLETED)))
        .containsExactly(closed);
    assertThat(
            inTransaction(() -> attachments.findInLists(List.of(listOf("bob")), StatusFilter.ALL)))
        .isEmpty();
  }

  @Test
  void attachmentsStayWithTheirTodoInTheTrash() {
    var a = anAttachment(todo.id(), 1);
    var b = anAttachment(done.id(), 1);
    insert(a, b);

    inTransaction(
        () -> {
          todos.trash(todo, T0, "alice");
          todos.trashAll(List.of(listOf("alice")), StatusFilter.COMPLETED, T0, "alice");
          return null;
        });

    assertThat(inTransaction(() -> attachments.findById(a.id()))).contains(a);
    assertThat(inTransaction(() -> attachments.findByTodo(done.id()))).containsExactly(b);
    assertThat(
            inTransaction(
                () -> attachments.findInLists(List.of(listOf("alice")), StatusFilter.ALL)))
        .containsExactlyInAnyOrder(a, b);
  }
}

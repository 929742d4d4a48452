package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.date;
import static dev.todo.domain.testing.TodoBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.TrashRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoSort;
import dev.todo.domain.todo.TrashedTodo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrashRepository} promises, with {@link TodoRepository#trash} that fills it: a
 * trashed to-do keeps its row, version, position and attachments, is out of every list, count and
 * statistic, and comes back exactly as it was, one version higher. Run against the fake and SQLite.
 */
public abstract class TrashRepositoryContract {

  protected TodoRepository todos;
  protected TrashRepository trash;
  protected UserRepository users;
  protected ListRepository lists;
  protected AttachmentRepository attachments;

  protected abstract void createRepositories();

  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  void setUp() {
    createRepositories();
    inTransaction(
        () -> {
          TestLists.registerWithLists(users, lists, "alice", "bob");
          return null;
        });
  }

  private void store(Todo... items) {
    inTransaction(
        () -> {
          Arrays.stream(items).forEach(todos::insert);
          return null;
        });
  }

  private void trashAt(Todo todo, Instant at) {
    inTransaction(
        () -> {
          todos.trash(todo, at, "alice");
          return null;
        });
  }

  private Optional<TrashedTodo> trashed(Todo todo) {
    return inTransaction(() -> trash.findById(todo.id()));
  }

  @Test
  void aTrashedTodoKeepsItsContentAndSaysWhenAndByWhom() {
    var todo = aTodo().titled("milk").position(7).due("2026-01-10").build();
    store(todo);

    trashAt(todo, T0.plusSeconds(5));

    var found = trashed(todo).orElseThrow();
    assertThat(found.todo()).isEqualTo(todo);
    assertThat(found.deletedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(found.deletedBy()).contains("alice");
    assertThat(inTransaction(() -> todos.findById(todo.id()))).isEmpty();
  }

  @Test
  void aTodoInItsListIsNotInTheTrash() {
    var todo = aTodo().build();
    store(todo);

    assertThat(trashed(todo)).isEmpty();
    assertThat(inTransaction(() -> trash.count(List.of(listOf("alice"))))).isZero();
  }

  @Test
  void restoringPutsItBackAtItsPositionInItsCountsAndSearch() {
    var first = aTodo().titled("first milk").position(1).build();
    var second = aTodo().titled("second").position(2).due("2026-01-10").build();
    var third = aTodo().titled("third").position(3).build();
    store(first, second, third);
    trashAt(second, T0.plusSeconds(1));
    var restored = trashed(second).orElseThrow().restored(T0.plusSeconds(9));

    inTransaction(
        () -> {
          trash.restore(trashed(second).orElseThrow(), restored);
          return null;
        });

    assertThat(trashed(second)).isEmpty();
    assertThat(inTransaction(() -> todos.findById(second.id()))).contains(restored);
    assertThat(restored.version()).isEqualTo(second.version() + 1);
    assertThat(
            inTransaction(
                () ->
                    todos.find(
                        TodoFilter.allOf(listOf("alice")),
                        TodoSort.POSITION,
                        SortDirection.ASC,
                        new PageRequest(1, 10))))
        .extracting(t -> t.title().value())
        .containsExactly("first milk", "second", "third");
    var stats = inTransaction(() -> todos.stats(List.of(listOf("alice")), date("2026-01-15")));
    assertThat(stats.total()).isEqualTo(3);
    assertThat(stats.overdue()).isEqualTo(1);
    assertThat(inTransaction(() -> todos.count(searching("second")))).isEqualTo(1);
  }

  @Test
  void restoringAnythingButTheNextVersionOfATrashedTodoFails() {
    var todo = aTodo().build();
    store(todo);
    trashAt(todo, T0);
    var inTrash = trashed(todo).orElseThrow();

    assertThatThrownBy(
            () ->
                inTransaction(
                    () -> {
                      trash.restore(inTrash, todo);
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(trashed(todo)).isPresent();
  }

  @Test
  void pagesAreMostRecentlyDeletedFirstPerList() {
    var early = aTodo().titled("early").build();
    var late = aTodo().titled("late").build();
    var bobs = aTodo().ownedBy("bob").build();
    store(early, late, bobs);
    trashAt(early, T0.plusSeconds(1));
    trashAt(late, T0.plusSeconds(2));
    trashAt(bobs, T0.plusSeconds(3));

    var alices = List.of(listOf("alice"));
    assertThat(inTransaction(() -> trash.find(alices, new PageRequest(1, 10))))
        .extracting(t -> t.todo().title().value())
        .containsExactly("late", "early");
    assertThat(inTransaction(() -> trash.find(alices, new PageRequest(2, 1))))
        .extracting(t -> t.todo().title().value())
        .containsExactly("early");
    assertThat(inTransaction(() -> trash.count(alices))).isEqualTo(2);
    assertThat(inTransaction(() -> trash.findAll(List.of(listOf("alice"), listOf("bob")))))
        .hasSize(3);
  }

  @Test
  void bulkTrashingFillsTheTrash() {
    var open = aTodo().build();
    var done = aTodo().completed().build();
    store(open, done);

    inTransaction(
        () -> todos.trashAll(List.of(listOf("alice")), StatusFilter.COMPLETED, T0, "alice"));

    assertThat(trashed(done)).isPresent();
    assertThat(trashed(open)).isEmpty();
  }

  @Test
  void deletingForGoodTakesTheAttachmentsRows() {
    var todo = aTodo().build();
    var kept = aTodo().build();
    store(todo, kept);
    var file = AttachmentRepositoryContract.anAttachment(todo.id(), 1);
    var other = AttachmentRepositoryContract.anAttachment(kept.id(), 2);
    inTransaction(
        () -> {
          attachments.insert(file);
          attachments.insert(other);
          return null;
        });
    var withFile = inTransaction(() -> todos.findById(todo.id())).orElseThrow();
    trashAt(withFile, T0.plusSeconds(3));
    assertThat(trashed(todo).orElseThrow().todo().attachmentCount()).isEqualTo(1);

    inTransaction(
        () -> {
          trash.delete(trashed(todo).orElseThrow());
          return null;
        });

    assertThat(trashed(todo)).isEmpty();
    assertThat(inTransaction(() -> attachments.findById(file.id()))).isEmpty();
    assertThat(inTransaction(() -> attachments.findById(other.id())))
        .map(Attachment::id)
        .contains(other.id());
  }

  @Test
  void whatWasDeletedBeforeACutoffComesOldestFirstInBatches() {
    var oldest = aTodo().titled("oldest").build();
    var old = aTodo().titled("old").build();
    var recent = aTodo().titled("recent").ownedBy("bob").build();
    store(oldest, old, recent);
    trashAt(oldest, T0);
    trashAt(old, T0.plusSeconds(10));
    trashAt(recent, T0.plusSeconds(20));

    assertThat(inTransaction(() -> trash.deletedBefore(T0.plusSeconds(20), 10)))
        .extracting(t -> t.todo().title().value())
        .containsExactly("oldest", "old");
    assertThat(inTransaction(() -> trash.deletedBefore(T0.plusSeconds(20), 1)))
        .extracting(t -> t.todo().title().value())
        .containsExactly("oldest");
    assertThat(inTransaction(() -> trash.deletedBefore(T0, 10))).isEmpty();
  }

  private static TodoFilter searching(String text) {
    return TodoFilter.searching(listOf("alice"), text);
  }

  @Test
  void readsAListsTrashInPagesEarliestDeletedFirst() {
    var a = aTodo().titled("a").build();
    var b = aTodo().titled("b").build();
    var c = aTodo().titled("c").build();
    var live = aTodo().titled("live").build();
    var bobs = aTodo().ownedBy("bob").build();
    store(a, b, c, live, bobs);
    inTransaction(
        () -> {
          todos.trash(c, T0.plusSeconds(1), "alice");
          todos.trash(a, T0.plusSeconds(2), "alice");
          todos.trash(b, T0.plusSeconds(3), "alice");
          todos.trash(bobs, T0.plusSeconds(1), "bob");
          return null;
        });

    var page1 = inTransaction(() -> trash.findInList(listOf("alice"), Optional.empty(), 2));
    var page2 =
        inTransaction(() -> trash.findInList(listOf("alice"), Optional.of(page1.get(1)), 2));

    assertThat(page1).extracting(t -> t.todo().title().value()).containsExactly("c", "a");
    assertThat(page2).extracting(t -> t.todo().title().value()).containsExactly("b");
  }

  @Test
  void forgettingTheUserWhoTrashedAToDoLeavesItTrashedByNobody() {
    var todo = aTodo().by("bob").completed().build();
    store(todo);
    inTransaction(
        () -> {
          todos.trash(todo, T0.plusSeconds(5), "bob");
          return todos.forgetUser("bob");
        });

    var trashed = inTransaction(() -> trash.findById(todo.id())).orElseThrow();

    assertThat(trashed.deletedBy()).isEmpty();
    assertThat(trashed.deletedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(trashed.todo().createdBy()).isEmpty();
    assertThat(trashed.todo().completedBy()).isEmpty();
    assertThat(trashed.todo().version()).isEqualTo(todo.version());
  }
}

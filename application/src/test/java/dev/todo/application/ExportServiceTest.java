package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.ExportAccountUseCase.AccountExport;
import dev.todo.domain.port.in.ExportAccountUseCase.ExportedFile;
import dev.todo.domain.port.in.ExportAccountUseCase.ExportedList;
import dev.todo.domain.port.in.ExportAccountUseCase.ExportedTodo;
import dev.todo.domain.testing.InMemoryBlobStorage;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.testing.PermissionMatrix;
import dev.todo.domain.user.KnownUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** What an export holds, over the fakes, and that it reads a list of any size in pages. */
class ExportServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  private final UseCases useCases = TestUseCases.over(database, clock, blobs);
  private final UseCaseWorld world = new UseCaseWorld(database, useCases);
  private final Caller alice = Caller.of("alice");

  @Test
  void holdsTheOwnedListsWithTheirToDosTrashStepsAndFilesAndNamesTheOtherLists() {
    world.know("alice", "alice@example.com");
    world.know("bob", "bob@example.com");
    String groceries = world.createList("alice", "Groceries");
    world.addMember("alice", groceries, "bob", "viewer");
    String milk = world.createTodo("alice", groceries, "Milk");
    world.addStep("alice", milk, "Oat");
    String file = world.attach("alice", milk);
    String gone = world.createTodo("alice", groceries, "Gone");
    world.trash("alice", gone);
    String bobs = world.createList("bob", "Bob's");
    world.addMember("bob", bobs, "alice", "editor");
    world.createTodo("bob", bobs, "Not Alice's to export");
    clock.advance(java.time.Duration.ofMinutes(5));

    AccountExport export = useCases.exportAccount().export(alice);

    assertThat(export.exportedAt()).isEqualTo(clock.instant());
    assertThat(export.user())
        .isEqualTo(new KnownUser("alice", Optional.empty(), Optional.of("alice@example.com")));
    assertThat(export.lists())
        .extracting(l -> l.list().list().name().value())
        .containsExactly("Groceries");
    ExportedList list = export.lists().getFirst();
    assertThat(list.list().role()).isEqualTo("owner");
    assertThat(list.members()).extracting(m -> m.user().id()).containsExactly("alice", "bob");
    List<ExportedTodo> todos = all(list.todos());
    assertThat(todos).extracting(t -> t.todo().title().value()).containsExactly("Milk", "Gone");
    assertThat(todos.getFirst().deletedAt()).isEmpty();
    assertThat(todos.getFirst().steps()).extracting(s -> s.title().value()).containsExactly("Oat");
    assertThat(todos.getFirst().attachments())
        .extracting(a -> a.id().toString())
        .containsExactly(file);
    assertThat(todos.get(1).deletedAt()).contains(T0);
    assertThat(todos.get(1).deletedBy()).contains("alice");
    assertThat(export.memberships()).extracting(l -> l.name().value()).containsExactly("Bob's");
    List<ExportedFile> files = all(export.files());
    assertThat(files).extracting(f -> f.attachment().id().toString()).containsExactly(file);
    assertThat(text(files.getFirst().content().get())).isEqualTo(PermissionMatrix.UPLOADED_TEXT);
  }

  @Test
  void readsEveryToDoOfAListLargerThanAPageOnceInCreationOrder() {
    String list = world.createList("alice", "Big");
    int count = ExportService.PAGE * 2 + 7;
    var titles = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      clock.advance(java.time.Duration.ofMillis(1));
      titles.add("to-do " + i);
      world.createTodo("alice", list, titles.getLast());
    }
    IntStream.range(0, ExportService.PAGE + 3)
        .forEach(
            i -> {
              clock.advance(java.time.Duration.ofMillis(1));
              world.trash("alice", idOf(list, "to-do " + i));
            });

    var exported =
        all(
                useCases.exportAccount().export(alice).lists().stream()
                    .filter(l -> !l.list().list().isDefault())
                    .findFirst()
                    .orElseThrow()
                    .todos())
            .stream()
            .map(t -> t.todo().title().value())
            .toList();

    var expected = new ArrayList<>(titles.subList(ExportService.PAGE + 3, count));
    expected.addAll(titles.subList(0, ExportService.PAGE + 3));
    assertThat(exported).containsExactlyElementsOf(expected);
  }

  private String idOf(String list, String title) {
    return database
        .todos
        .findInList(dev.todo.domain.list.ListId.parse(list).orElseThrow(), Optional.empty(), 10_000)
        .stream()
        .filter(t -> t.title().value().equals(title))
        .findFirst()
        .orElseThrow()
        .id()
        .toString();
  }

  private static <T> List<T> all(Iterable<T> items) {
    return StreamSupport.stream(items.spliterator(), false).toList();
  }

  private static String text(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

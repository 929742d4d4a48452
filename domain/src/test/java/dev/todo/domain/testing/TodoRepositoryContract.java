package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static dev.todo.domain.testing.TodoBuilder.date;
import static dev.todo.domain.testing.TodoBuilder.listOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.TodoSort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link TodoRepository} promises: storage, the list rules of the API contract (filters,
 * stable sorts, paging), counts and bulk changes. Run against the in-memory fake and the SQLite
 * adapter.
 */
public abstract class TodoRepositoryContract {

  protected TodoRepository todos;
  protected UserRepository users;
  protected ListRepository lists;

  /** A fresh, empty repository pair for each test. */
  protected abstract void createRepositories();

  /** Runs work the way the application does: inside one transaction. */
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

  private List<Todo> list(TodoFilter filter, TodoSort sort, SortDirection direction) {
    return inTransaction(() -> todos.find(filter, sort, direction, new PageRequest(1, 100)));
  }

  private List<String> titles(TodoFilter filter, TodoSort sort, SortDirection direction) {
    return list(filter, sort, direction).stream().map(t -> t.title().value()).toList();
  }

  private static TodoFilter alices() {
    return TodoFilter.allOf(listOf("alice"));
  }

  private static TodoFilter alicesMatching(String text) {
    return TodoFilter.searching(listOf("alice"), text);
  }

  @Test
  void findsWhatItStoredFieldForField() {
    var todo =
        aTodo().titled("Pay rent").notes("by transfer").due("2026-02-01").priority(Priority.HIGH);
    var stored = todo.completed().position(7).build();
    store(stored);

    assertThat(inTransaction(() -> todos.findById(stored.id()))).contains(stored);
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(inTransaction(() -> todos.findById(TodoId.random()))).isEmpty();
  }

  @Test
  void updatesTheVersionBeforeAndRefusesAStaleOne() {
    var original = aTodo().build();
    store(original);
    var edit = TodoEdit.forMergePatch(TodoInput.empty().withTitle(Field.of("Buy oat milk")));
    var changed = original.apply(edit, T0.plusSeconds(60), "alice");

    inTransaction(
        () -> {
          todos.update(original, changed);
          return null;
        });

    assertThat(inTransaction(() -> todos.findById(original.id()))).contains(changed);
    assertThatThrownBy(
            () ->
                inTransaction(
                    () -> {
                      todos.update(original, changed);
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(inTransaction(() -> todos.findById(original.id()))).contains(changed);
  }

  @Test
  void trashingTakesTheTodoOutOfItsListSearchAndCounters() {
    var todo = aTodo().titled("milk").build();
    store(todo);

    inTransaction(
        () -> {
          todos.trash(todo, T0.plusSeconds(1), "alice");
          return null;
        });

    assertThat(inTransaction(() -> todos.findById(todo.id()))).isEmpty();
    assertThat(inTransaction(() -> todos.count(alices()))).isZero();
    assertThat(inTransaction(() -> todos.count(alicesMatching("milk")))).isZero();
    assertThat(
            inTransaction(
                () ->
                    todos.find(
                        alices(), TodoSort.POSITION, SortDirection.ASC, new PageRequest(1, 10))))
        .isEmpty();
    assertThat(
            inTransaction(() -> todos.stats(List.of(listOf("alice")), date("2026-01-15"))).total())
        .isZero();
    assertThat(inTransaction(() -> todos.nextPosition(listOf("alice")))).isEqualTo(1);
  }

  @Test
  void aPageAcrossListsIsTheMergeOfTheirTodosInTheSortOrderWithTheTotal() {
    store(
        aTodo().titled("a1").position(1).build(),
        aTodo().titled("a3").position(3).due("2026-01-20").build(),
        aTodo().titled("a5").position(5).completed().build(),
        aTodo().titled("b2").position(2).ownedBy("bob").due("2026-01-10").build(),
        aTodo().titled("b4").position(4).ownedBy("bob").build());
    var both = TodoFilter.allOf(listOf("alice")).over(List.of(listOf("alice"), listOf("bob")));

    var secondPage =
        inTransaction(
            () -> todos.find(both, TodoSort.POSITION, SortDirection.ASC, new PageRequest(2, 2)));
    var byDueDate = titles(both, TodoSort.DUE_DATE, SortDirection.DESC);

    assertThat(secondPage).extracting(t -> t.title().value()).containsExactly("a3", "b4");
    assertThat(titles(both, TodoSort.POSITION, SortDirection.DESC))
        .containsExactly("a5", "b4", "a3", "b2", "a1");
    assertThat(byDueDate.subList(0, 2)).containsExactly("a3", "b2");
    assertThat(inTransaction(() -> todos.count(both))).isEqualTo(5);
    assertThat(inTransaction(() -> todos.stats(both.lists(), date("2026-01-15"))))
        .extracting(s -> s.total(), s -> s.completed(), s -> s.overdue())
        .containsExactly(5L, 1L, 1L);
  }

  @ParameterizedTest
  @EnumSource(TodoSort.class)
  void pagesAcrossListsFollowTheOrderOfTheSameToDosInOneList(TodoSort sort) {
    inTransaction(
        () -> {
          TestLists.registerWithLists(users, lists, "carol", "dave");
          return null;
        });
    var spread = List.of("alice", "bob", "carol");
    var dues = new String[] {null, "2026-01-10", "2026-01-20", null, "2026-01-10", "2026-01-05"};
    for (int i = 0; i < 12; i++) {
      // positions and due dates repeat across the lists; creation times never do
      var created = T0.plusSeconds(i * 5 % 12);
      var title = (i % 2 == 0 ? "Item " : "item ") + (char) ('a' + i * 7 % 12);
      var priority = Priority.values()[i % Priority.values().length];
      for (var owner : List.of(spread.get(i % spread.size()), "dave")) {
        var todo = aTodo().ownedBy(owner).titled(title).position(i % 4).createdAt(created);
        todo.priority(priority);
        if (dues[i % dues.length] != null) {
          todo.due(dues[i % dues.length]);
        }
        store(i % 3 == 0 ? todo.completed().build() : todo.build());
      }
    }
    var across =
        TodoFilter.allOf(listOf("alice")).over(spread.stream().map(TodoBuilder::listOf).toList());

    for (var direction : SortDirection.values()) {
      var pages = new ArrayList<String>();
      for (int page = 1; page <= 3; page++) {
        var number = page;
        inTransaction(() -> todos.find(across, sort, direction, new PageRequest(number, 5)))
            .forEach(todo -> pages.add(todo.title().value()));
      }
      assertThat(pages)
          .as(sort + " " + direction)
          .containsExactlyElementsOf(titles(TodoFilter.allOf(listOf("dave")), sort, direction));
    }
  }

  @Test
  void nextPositionIsOnePastTheOwnersHighest() {
    assertThat(inTransaction(() -> todos.nextPosition(listOf("alice")))).isEqualTo(1);
    store(aTodo().position(4).build(), aTodo().position(9).ownedBy("bob").build());

    assertThat(inTransaction(() -> todos.nextPosition(listOf("alice")))).isEqualTo(5);
  }

  @Test
  void nextPositionNeverPassesTheBoundAndATodoPutThereSortsLast() {
    store(
        aTodo().titled("top").position(TodoEdit.MAX_POSITION).createdAt(T0).build(),
        aTodo().titled("bottom").position(-TodoEdit.MAX_POSITION).createdAt(T0).build());

    long next = inTransaction(() -> todos.nextPosition(listOf("alice")));
    assertThat(next).isEqualTo(TodoEdit.MAX_POSITION);
    store(aTodo().titled("new").position(next).createdAt(T0.plusSeconds(1)).build());

    assertThat(inTransaction(() -> todos.nextPosition(listOf("alice"))))
        .isEqualTo(TodoEdit.MAX_POSITION);
    assertThat(titles(alices(), TodoSort.POSITION, SortDirection.ASC))
        .containsExactly("bottom", "top", "new");
  }

  @Test
  void listsOnlyTheOwnersTodos() {
    store(aTodo().titled("mine").build(), aTodo().titled("theirs").ownedBy("bob").build());

    assertThat(titles(alices(), TodoSort.POSITION, SortDirection.ASC)).containsExactly("mine");
    assertThat(inTransaction(() -> todos.count(alices()))).isEqualTo(1);
  }

  @Test
  void filtersByStatus() {
    store(aTodo().titled("open").build(), aTodo().titled("done").completed().build());

    var active =
        new TodoFilter(
            List.of(listOf("alice")),
            StatusFilter.ACTIVE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    var completed =
        new TodoFilter(
            List.of(listOf("alice")),
            StatusFilter.COMPLETED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThat(titles(active, TodoSort.POSITION, SortDirection.ASC)).containsExactly("open");
    assertThat(titles(completed, TodoSort.POSITION, SortDirection.ASC)).containsExactly("done");
    assertThat(inTransaction(() -> todos.count(active))).isEqualTo(1);
    assertThat(inTransaction(() -> todos.count(completed))).isEqualTo(1);
  }

  @Test
  void searchesTitleAndNotesAsALiteralCaseInsensitiveSubstring() {
    store(
        aTodo().titled("Buy MILK").createdAt(T0).build(),
        aTodo().titled("Call mum").notes("about the milkman").createdAt(T0.plusSeconds(1)).build(),
        aTodo().titled("100% done_ish").createdAt(T0.plusSeconds(2)).build(),
        aTodo().titled("1000 done ish").createdAt(T0.plusSeconds(3)).build(),
        aTodo().titled("milk for bob").ownedBy("bob").build());

    assertThat(titles(alicesMatching("milk"), TodoSort.CREATED_AT, SortDirection.ASC))
        .containsExactly("Buy MILK", "Call mum");
    assertThat(titles(alicesMatching("0% done_"), TodoSort.CREATED_AT, SortDirection.ASC))
        .containsExactly("100% done_ish");
    assertThat(titles(alicesMatching("%"), TodoSort.CREATED_AT, SortDirection.ASC))
        .containsExactly("100% done_ish");
    assertThat(titles(alicesMatching("mu"), TodoSort.CREATED_AT, SortDirection.ASC))
        .containsExactly("Call mum");
    assertThat(inTransaction(() -> todos.count(alicesMatching("MILK")))).isEqualTo(2);
  }

  @Test
  void caseIsIgnoredBeyondAsciiInTitlesAndNotesAtEveryLength() {
    store(
        aTodo().titled("ÄPFEL kaufen").createdAt(T0).build(),
        aTodo().titled("Brot").notes("beim BÄCKER, Ωμέγα").createdAt(T0.plusSeconds(1)).build());

    for (String text : List.of("äpfel", "Äpf", "äp", "ÄP")) {
      assertThat(titles(alicesMatching(text), TodoSort.CREATED_AT, SortDirection.ASC))
          .as("q=%s", text)
          .containsExactly("ÄPFEL kaufen");
    }
    for (String text : List.of("bäcker", "BÄCKER", "äc", "ωμέγα", "ΩΜ")) {
      assertThat(titles(alicesMatching(text), TodoSort.CREATED_AT, SortDirection.ASC))
          .as("q=%s", text)
          .containsExactly("Brot");
      assertThat(inTransaction(() -> todos.count(alicesMatching(text)))).isEqualTo(1);
    }
  }

  @Test
  void textThatNoTitleOrNotesCanHoldMatchesNothing() {
    store(
        aTodo().titled("Buy milk").notes("first line\nsecond\tline").build(),
        aTodo().titled("milk").build());

    for (String text : List.of("\u0000", "m\u0000", "a\u0000b", "milk\u0000", "\u0007", "\u007f")) {
      assertThat(titles(alicesMatching(text), TodoSort.CREATED_AT, SortDirection.ASC))
          .as("q=%s", text.codePoints().mapToObj(Integer::toHexString).toList())
          .isEmpty();
      assertThat(inTransaction(() -> todos.count(alicesMatching(text)))).isZero();
    }
  }

  @Test
  void lineBreaksAndTabsAreSearchableInNotes() {
    store(aTodo().titled("Buy milk").notes("first line\nsecond\tline").build());

    for (String text : List.of("\n", "\tl", "e\ns", "line\nsecond", "second\tline")) {
      assertThat(titles(alicesMatching(text), TodoSort.CREATED_AT, SortDirection.ASC))
          .as("q=%s", text.codePoints().mapToObj(Integer::toHexString).toList())
          .containsExactly("Buy milk");
    }
  }

  @Test
  void anyOtherCharacterIsSearchedLiterally() {
    store(aTodo().titled("Café \uD83D\uDE00 x\u200By \uFFFD\uFFFF \"q\" *").build());

    for (String text :
        List.of(
            "\uD83D\uDE00", "é \uD83D\uDE00", "\u200B", "x\u200By", "\uFFFD\uFFFF", "\"q\"", "*")) {
      assertThat(titles(alicesMatching(text), TodoSort.CREATED_AT, SortDirection.ASC))
          .as("q=%s", text.codePoints().mapToObj(Integer::toHexString).toList())
          .hasSize(1);
    }
  }

  @Test
  void searchFollowsEditsAndDeletes() {
    var todo = aTodo().titled("Buy milk").build();
    store(todo);
    var renamed =
        todo.apply(
            TodoEdit.forMergePatch(TodoInput.empty().withTitle(Field.of("Buy bread"))),
            T0.plusSeconds(5),
            "alice");
    inTransaction(
        () -> {
          todos.update(todo, renamed);
          return null;
        });

    assertThat(inTransaction(() -> todos.count(alicesMatching("milk")))).isZero();
    assertThat(inTransaction(() -> todos.count(alicesMatching("bread")))).isEqualTo(1);

    inTransaction(
        () -> {
          todos.trash(renamed, T0.plusSeconds(2), "alice");
          return null;
        });
    assertThat(inTransaction(() -> todos.count(alicesMatching("bread")))).isZero();
  }

  @Test
  void filtersByPriorityAndInclusiveDueDatesNeverMatchingUndated() {
    store(
        aTodo().titled("early").due("2026-01-10").priority(Priority.LOW).build(),
        aTodo().titled("mid").due("2026-01-20").priority(Priority.HIGH).build(),
        aTodo().titled("late").due("2026-01-30").priority(Priority.HIGH).build(),
        aTodo().titled("undated").priority(Priority.HIGH).build());

    var between =
        new TodoFilter(
            List.of(listOf("alice")),
            StatusFilter.ALL,
            Optional.empty(),
            Optional.empty(),
            Optional.of(date("2026-01-20")),
            Optional.of(date("2026-01-10")));
    var high =
        new TodoFilter(
            List.of(listOf("alice")),
            StatusFilter.ALL,
            Optional.empty(),
            Optional.of(Priority.HIGH),
            Optional.empty(),
            Optional.empty());

    assertThat(titles(between, TodoSort.DUE_DATE, SortDirection.ASC))
        .containsExactly("early", "mid");
    assertThat(titles(high, TodoSort.DUE_DATE, SortDirection.ASC))
        .containsExactly("mid", "late", "undated");
  }

  @ParameterizedTest
  @EnumSource(SortDirection.class)
  void sortsStablyByCreationThenIdInTheRequestedDirection(SortDirection direction) {
    var ids =
        List.of(
            "00000000-0000-4000-8000-000000000001",
            "00000000-0000-4000-8000-000000000002",
            "00000000-0000-4000-8000-000000000003");
    store(
        aTodo().id(id(ids.get(2))).titled("c").position(1).createdAt(T0).build(),
        aTodo().id(id(ids.get(0))).titled("a").position(1).createdAt(T0).build(),
        aTodo().id(id(ids.get(1))).titled("b").position(1).createdAt(T0.minusSeconds(1)).build());

    var expected = direction == SortDirection.ASC ? List.of("b", "a", "c") : List.of("c", "a", "b");
    for (TodoSort sort : List.of(TodoSort.POSITION, TodoSort.PRIORITY, TodoSort.DUE_DATE)) {
      assertThat(titles(alices(), sort, direction)).as(sort.name()).isEqualTo(expected);
    }
  }

  @Test
  void sortsByEachKey() {
    store(
        aTodo()
            .titled("banana")
            .position(2)
            .priority(Priority.LOW)
            .due("2026-03-01")
            .createdAt(T0)
            .build(),
        aTodo()
            .titled("Apple")
            .position(3)
            .priority(Priority.HIGH)
            .createdAt(T0.plusSeconds(1))
            .build(),
        aTodo()
            .titled("cherry")
            .position(1)
            .priority(Priority.NONE)
            .due("2026-02-01")
            .createdAt(T0.plusSeconds(2))
            .build(),
        aTodo()
            .titled("Éclair")
            .position(4)
            .priority(Priority.MEDIUM)
            .createdAt(T0.plusSeconds(3))
            .build());

    assertThat(titles(alices(), TodoSort.POSITION, SortDirection.ASC))
        .containsExactly("cherry", "banana", "Apple", "Éclair");
    assertThat(titles(alices(), TodoSort.CREATED_AT, SortDirection.DESC))
        .containsExactly("Éclair", "cherry", "Apple", "banana");
    assertThat(titles(alices(), TodoSort.PRIORITY, SortDirection.DESC))
        .containsExactly("Apple", "Éclair", "banana", "cherry");
    assertThat(titles(alices(), TodoSort.TITLE, SortDirection.ASC))
        .containsExactly("Apple", "banana", "cherry", "Éclair");
    assertThat(titles(alices(), TodoSort.DUE_DATE, SortDirection.ASC))
        .containsExactly("cherry", "banana", "Apple", "Éclair");
    assertThat(titles(alices(), TodoSort.DUE_DATE, SortDirection.DESC))
        .containsExactly("banana", "cherry", "Éclair", "Apple");
  }

  @Test
  void sortsByUpdateTime() {
    var first = aTodo().titled("first").createdAt(T0).build();
    var second = aTodo().titled("second").createdAt(T0.plusSeconds(1)).build();
    store(first, second);
    inTransaction(
        () -> {
          todos.update(first, first.withCompleted(true, T0.plus(Duration.ofHours(1)), "alice"));
          return null;
        });

    assertThat(titles(alices(), TodoSort.UPDATED_AT, SortDirection.ASC))
        .containsExactly("second", "first");
  }

  @Test
  void pagesThroughTheList() {
    for (int i = 1; i <= 5; i++) {
      store(aTodo().titled("t" + i).position(i).build());
    }

    var second =
        inTransaction(
            () ->
                todos.find(alices(), TodoSort.POSITION, SortDirection.ASC, new PageRequest(2, 2)));
    var beyond =
        inTransaction(
            () ->
                todos.find(alices(), TodoSort.POSITION, SortDirection.ASC, new PageRequest(4, 2)));

    assertThat(second).extracting(t -> t.title().value()).containsExactly("t3", "t4");
    assertThat(beyond).isEmpty();
    assertThat(inTransaction(() -> todos.count(alices()))).isEqualTo(5);
  }

  @Test
  void countsProgressAndDueDatesOfActiveTodosOnly() {
    store(
        aTodo().due("2026-01-14").build(),
        aTodo().due("2026-01-14").completed().build(),
        aTodo().due("2026-01-15").build(),
        aTodo().due("2026-01-16").build(),
        aTodo().completed().build(),
        aTodo().ownedBy("bob").due("2026-01-01").build());

    var stats = inTransaction(() -> todos.stats(List.of(listOf("alice")), date("2026-01-15")));

    assertThat(stats.total()).isEqualTo(5);
    assertThat(stats.completed()).isEqualTo(2);
    assertThat(stats.active()).isEqualTo(3);
    assertThat(stats.overdue()).isEqualTo(1);
    assertThat(stats.dueToday()).isEqualTo(1);
  }

  @Test
  void overdueAndDueTodayFollowEditsDeletesAndBulkChanges() {
    var today = date("2026-01-15");
    var late = aTodo().due("2026-01-10").build();
    var dueToday = aTodo().due("2026-01-15").build();
    var alsoLate = aTodo().due("2026-01-10").build();
    store(late, dueToday, alsoLate);
    assertThat(inTransaction(() -> todos.stats(List.of(listOf("alice")), today)))
        .extracting(s -> s.overdue(), s -> s.dueToday())
        .containsExactly(2L, 1L);

    var moved =
        late.apply(
            TodoEdit.forMergePatch(TodoInput.empty().withDueDate(Field.of("2026-01-15"))),
            T0.plusSeconds(1),
            "alice");
    inTransaction(
        () -> {
          todos.update(late, moved);
          todos.trash(alsoLate, T0.plusSeconds(1), "alice");
          return null;
        });
    assertThat(inTransaction(() -> todos.stats(List.of(listOf("alice")), today)))
        .extracting(s -> s.overdue(), s -> s.dueToday())
        .containsExactly(0L, 2L);

    inTransaction(
        () ->
            todos.setCompleted(
                List.of(listOf("alice")), StatusFilter.ALL, true, T0.plusSeconds(2), "alice"));
    assertThat(inTransaction(() -> todos.stats(List.of(listOf("alice")), today)))
        .extracting(s -> s.overdue(), s -> s.dueToday())
        .containsExactly(0L, 0L);

    inTransaction(
        () ->
            todos.setCompleted(
                List.of(listOf("alice")), StatusFilter.ALL, false, T0.plusSeconds(3), "alice"));
    assertThat(inTransaction(() -> todos.stats(List.of(listOf("alice")), today)))
        .extracting(s -> s.overdue(), s -> s.dueToday())
        .containsExactly(0L, 2L);

    inTransaction(() -> todos.trashAll(List.of(listOf("alice")), StatusFilter.ALL, T0, "alice"));
    assertThat(inTransaction(() -> todos.stats(List.of(listOf("alice")), today)))
        .extracting(s -> s.overdue(), s -> s.dueToday())
        .containsExactly(0L, 0L);
  }

  @Test
  void statsOfSomeoneWithoutTodosAreZero() {
    var stats = inTransaction(() -> todos.stats(List.of(listOf("nobody")), date("2026-01-15")));

    assertThat(stats.total()).isZero();
    assertThat(stats.completionRate()).isZero();
  }

  @Test
  void setsCompletionOnlyWhereItChangesAndBumpsThoseVersions() {
    var open = aTodo().titled("open").build();
    var done = aTodo().titled("done").completed().build();
    var bobs = aTodo().ownedBy("bob").build();
    store(open, done, bobs);
    var later = T0.plus(Duration.ofMinutes(5));

    var changed =
        inTransaction(
            () ->
                todos.setCompleted(
                    List.of(listOf("alice")), StatusFilter.ALL, true, later, "alice"));

    assertThat(changed).extracting(Todo::id).containsExactly(open.id());
    var reopened = inTransaction(() -> todos.findById(open.id())).orElseThrow();
    assertThat(reopened.completed()).isTrue();
    assertThat(reopened.completedAt()).contains(later);
    assertThat(reopened.version()).isEqualTo(2);
    assertThat(reopened.updatedAt()).isEqualTo(later);
    assertThat(inTransaction(() -> todos.findById(done.id()))).contains(done);
    assertThat(inTransaction(() -> todos.findById(bobs.id()))).contains(bobs);
    assertThat(
            inTransaction(() -> todos.stats(List.of(listOf("alice")), date("2026-01-15")))
                .completed())
        .isEqualTo(2);
  }

  @Test
  void setsCompletionOnlyWithinTheStatus() {
    store(aTodo().build(), aTodo().completed().build());

    var none =
        inTransaction(
            () ->
                todos.setCompleted(
                    List.of(listOf("alice")), StatusFilter.COMPLETED, true, T0, "alice"));
    var reopened =
        inTransaction(
            () ->
                todos.setCompleted(List.of(listOf("alice")), StatusFilter.ALL, false, T0, "alice"));

    assertThat(none).isEmpty();
    assertThat(reopened).hasSize(1);
    assertThat(reopened.getFirst().completed()).isFalse();
    assertThat(
            inTransaction(() -> todos.stats(List.of(listOf("alice")), date("2026-01-15")))
                .completed())
        .isZero();
  }

  @Test
  void trashesTheListsCompletedOrAllAndReturnsThem() {
    var open = aTodo().titled("open milk").build();
    var done = aTodo().titled("done milk").completed().build();
    var bobs = aTodo().ownedBy("bob").completed().build();
    store(open, done, bobs);

    var cleared =
        inTransaction(
            () -> todos.trashAll(List.of(listOf("alice")), StatusFilter.COMPLETED, T0, "alice"));

    assertThat(cleared).containsExactly(done);
    assertThat(titles(alices(), TodoSort.POSITION, SortDirection.ASC)).containsExactly("open milk");
    assertThat(inTransaction(() -> todos.count(alicesMatching("milk")))).isEqualTo(1);

    var all =
        inTransaction(
            () -> todos.trashAll(List.of(listOf("alice")), StatusFilter.ALL, T0, "alice"));

    assertThat(all).containsExactly(open);
    assertThat(inTransaction(() -> todos.count(alices()))).isZero();
    assertThat(
            inTransaction(() -> todos.stats(List.of(listOf("alice")), date("2026-01-15"))).total())
        .isZero();
    assertThat(inTransaction(() -> todos.findById(bobs.id()))).contains(bobs);
  }

  private static TodoId id(String uuid) {
    return TodoId.parse(uuid).orElseThrow();
  }

  @Test
  void readsAListInCreationOrderPagesWithoutTheTrash() {
    var first = aTodo().titled("first").createdAt(T0).build();
    var second = aTodo().titled("second").createdAt(T0.plusSeconds(1)).build();
    var third = aTodo().titled("third").createdAt(T0.plusSeconds(2)).build();
    var trashed = aTodo().titled("trashed").createdAt(T0.plusSeconds(3)).build();
    var bobs = aTodo().ownedBy("bob").build();
    store(third, first, trashed, second, bobs);
    inTransaction(
        () -> {
          todos.trash(trashed, T0.plusSeconds(9), "alice");
          return null;
        });

    var page1 = inTransaction(() -> todos.findInList(listOf("alice"), Optional.empty(), 2));
    var page2 =
        inTransaction(() -> todos.findInList(listOf("alice"), Optional.of(page1.get(1)), 2));

    assertThat(page1).containsExactly(first, second);
    assertThat(page2).containsExactly(third);
  }

  @Test
  void forgetsAUserWhereverTheyCreatedCompletedOrTrashedAToDo() {
    var created = aTodo().by("bob").titled("by bob").build();
    var completed = aTodo().by("bob").titled("done by bob").completed().build();
    var trashed = aTodo().by("bob").titled("trashed by bob").build();
    var alices = aTodo().titled("alice's own").completed().build();
    store(created, completed, trashed, alices);
    inTransaction(
        () -> {
          todos.trash(trashed, T0.plusSeconds(9), "bob");
          return null;
        });

    long changed = inTransaction(() -> todos.forgetUser("bob"));

    assertThat(changed).isEqualTo(3);
    var live = inTransaction(() -> todos.findInList(listOf("alice"), Optional.empty(), 10));
    assertThat(live)
        .extracting(t -> t.title().value(), Todo::createdBy, Todo::completedBy, Todo::version)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("by bob", Optional.empty(), Optional.empty(), 1L),
            org.assertj.core.groups.Tuple.tuple(
                "done by bob", Optional.empty(), Optional.empty(), 1L),
            org.assertj.core.groups.Tuple.tuple(
                "alice's own", Optional.of("alice"), Optional.of("alice"), 1L));
    assertThat(inTransaction(() -> todos.count(TodoFilter.allOf(listOf("alice"))))).isEqualTo(3);
  }
}

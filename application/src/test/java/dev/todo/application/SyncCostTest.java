package dev.todo.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.step.Step;
import dev.todo.domain.sync.Removal;
import dev.todo.domain.sync.SyncBound;
import dev.todo.domain.sync.SyncedList;
import dev.todo.domain.sync.Versioned;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What one sync reads: with no change since the cursor, no stream of any list (so no to-do row);
 * with k changes, rows of the changed list only, about k of them.
 */
class SyncCostTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final CountingFeed feed = new CountingFeed(database.sync);
  private final UseCases useCases = TestUseCases.over(database, clock);
  private final SyncService sync =
      new SyncService(feed, database.transactions, clock, Duration.ofDays(30));
  private final Caller alice = Caller.of("alice");

  @Test
  void aSyncWithoutChangesReadsNoStreamOfAnyList() {
    for (int i = 0; i < 50; i++) {
      create("T" + i);
    }
    String cursor = followed(Optional.empty());
    feed.reads.clear();

    var page = sync.sync(alice, Optional.of(cursor), Optional.empty());

    assertThat(page.todos()).isEmpty();
    assertThat(feed.reads).containsOnly("listsOf", "removedFor");
  }

  @Test
  void aSyncWithKChangesReadsAboutKRowsOfTheChangedListOnly() {
    for (int i = 0; i < 50; i++) {
      create("T" + i);
    }
    String cursor = followed(Optional.empty());
    for (int i = 0; i < 3; i++) {
      create("New " + i);
    }
    feed.reads.clear();
    feed.rows = 0;

    var page = sync.sync(alice, Optional.of(cursor), Optional.empty());

    assertThat(page.todos()).hasSize(3);
    assertThat(feed.rows).isEqualTo(3);
  }

  private void create(String title) {
    useCases
        .createTodo()
        .create(
            new CreateTodoCommand(
                alice, InputSource.of(TodoInput.empty().withTitle(Field.of(title)))));
  }

  private String followed(Optional<String> from) {
    var page = sync.sync(alice, from, Optional.of(1000));
    while (page.hasMore()) {
      page = sync.sync(alice, Optional.of(page.cursor()), Optional.of(1000));
    }
    return page.cursor();
  }

  /** The fake feed, counting what it is asked and how many rows of lists' streams it returns. */
  private static final class CountingFeed implements SyncFeed {
    final SyncFeed delegate;
    final List<String> reads = new ArrayList<>();
    int rows;

    CountingFeed(SyncFeed delegate) {
      this.delegate = delegate;
    }

    @Override
    public long latest() {
      return delegate.latest();
    }

    @Override
    public long forgottenThrough() {
      return delegate.forgottenThrough();
    }

    @Override
    public List<SyncedList> listsOf(String user) {
      reads.add("listsOf");
      return delegate.listsOf(user);
    }

    @Override
    public List<Versioned<Todo>> todos(ListId list, SyncBound after, int limit) {
      reads.add("todos");
      return counted(delegate.todos(list, after, limit));
    }

    @Override
    public List<Versioned<Step>> steps(ListId list, SyncBound after, int limit) {
      reads.add("steps");
      return counted(delegate.steps(list, after, limit));
    }

    @Override
    public List<Removal> removedFrom(ListId list, SyncBound after, int limit) {
      reads.add("removedFrom");
      return counted(delegate.removedFrom(list, after, limit));
    }

    @Override
    public List<Removal> removedFor(String user, SyncBound after, int limit) {
      reads.add("removedFor");
      return delegate.removedFor(user, after, limit);
    }

    @Override
    public long forgetRemovalsBefore(Instant cutoff) {
      return delegate.forgetRemovalsBefore(cutoff);
    }

    private <T> List<T> counted(List<T> found) {
      rows += found.size();
      return found;
    }
  }
}

package dev.todo.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.error.DomainException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.list.ListView;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.SharingUseCase.MemberInput;
import dev.todo.domain.port.in.StepsUseCase.AddStepCommand;
import dev.todo.domain.port.in.StepsUseCase.PatchStepCommand;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepInput;
import dev.todo.domain.sync.SyncPage;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The sync's property, for any engine: random sequences of changes by several users (create, edit,
 * complete, move, share, unshare, leave, trash, restore, delete for good, steps, lists deleted, an
 * account erased and the same user back with a new one), each user's client syncing now and then
 * with small pages; after every sync the client's copy, built only from the pages, equals what a
 * fresh full sync returns, and no page names an entity twice. Changes the use cases refuse (a
 * viewer's edit, a to-do gone meanwhile) are part of the randomness: they change nothing.
 * Reproducible: the sequence is a function of its seed.
 */
public final class SyncProperty {

  private static final int USERS = 3;
  private static final int STEPS_PER_SEQUENCE = 40;

  private final SyncPropertyPorts ports;
  private final Random random;
  private final List<String> users = new ArrayList<>();
  private final List<String> lists = new ArrayList<>();
  private final List<String> todos = new ArrayList<>();
  private final Map<String, List<String>> stepsOf = new HashMap<>();
  private final Map<String, Client> clients = new HashMap<>();
  private int syncs;

  private SyncProperty(SyncPropertyPorts ports, long seed) {
    this.ports = ports;
    this.random = new Random(seed);
    for (int i = 0; i < USERS; i++) {
      String user = "sync-" + seed + "-u" + i;
      users.add(user);
      ports.users().recognise(caller(user));
      clients.put(user, new Client());
    }
  }

  /** Runs the sequence of {@code seed}; returns how many syncs it checked. */
  public static int check(SyncPropertyPorts ports, long seed) {
    var property = new SyncProperty(ports, seed);
    for (int i = 0; i < STEPS_PER_SEQUENCE; i++) {
      property.step();
    }
    for (String user : property.users) {
      property.syncAndCompare(user);
    }
    return property.syncs;
  }

  private void step() {
    String user = pick(users);
    int dice = random.nextInt(100);
    try {
      if (dice < 12) {
        syncAndCompare(user);
      } else if (dice < 20 || lists.isEmpty()) {
        lists.add(
            ports
                .lists()
                .create(
                    caller(user), InputSource.of(new ListInput(Field.of(name()), Field.absent())))
                .list()
                .id()
                .toString());
      } else if (dice < 28) {
        ports
            .sharing()
            .putMember(
                caller(user),
                pick(lists),
                pick(users),
                InputSource.of(
                    new MemberInput(
                        Field.absent(), Field.of(random.nextBoolean() ? "editor" : "viewer"))));
      } else if (dice < 32) {
        ports.sharing().removeMember(caller(user), pick(lists), pick(users));
      } else if (dice < 34) {
        String list = pick(lists);
        ports.lists().delete(caller(user), list, VersionPrecondition.none());
        lists.remove(list);
      } else if (dice < 50 || todos.isEmpty()) {
        todos.add(
            ports
                .createTodo()
                .create(
                    new CreateTodoCommand(
                        caller(user),
                        InputSource.of(
                            TodoInput.empty()
                                .withTitle(Field.of(name()))
                                .withListId(Field.of(pick(lists))))))
                .id()
                .toString());
      } else if (dice < 60) {
        update(
            user,
            TodoInput.empty()
                .withTitle(Field.of(name()))
                .withCompleted(Field.of(random.nextBoolean())));
      } else if (dice < 66) {
        update(user, TodoInput.empty().withListId(Field.of(pick(lists))));
      } else if (dice < 72) {
        ports
            .deleteTodo()
            .delete(new DeleteTodoCommand(caller(user), todo(), VersionPrecondition.none()));
      } else if (dice < 77) {
        ports.trash().restore(caller(user), pick(todos));
      } else if (dice < 79) {
        ports.trash().deleteForGood(caller(user), pick(todos));
      } else if (dice < 89) {
        String todo = pick(todos);
        var step =
            ports
                .steps()
                .add(
                    new AddStepCommand(
                        caller(user),
                        TodoId.parse(todo).orElseThrow(),
                        InputSource.of(StepInput.titled(name()))));
        stepsOf.computeIfAbsent(todo, key -> new ArrayList<>()).add(step.id().toString());
      } else if (dice < 90) {
        ports.erasure().erase(caller(user), Optional.of(user));
        ports.users().recognise(caller(user));
      } else if (dice < 95) {
        String todo = pickWithSteps();
        ports
            .steps()
            .patch(
                new PatchStepCommand(
                    caller(user),
                    TodoId.parse(todo).orElseThrow(),
                    pick(stepsOf.get(todo)),
                    InputSource.of(
                        new StepInput(
                            Field.of(name()), Field.of(random.nextBoolean()), Field.absent()))));
      } else {
        String todo = pickWithSteps();
        String step = pick(stepsOf.get(todo));
        ports.steps().delete(caller(user), TodoId.parse(todo).orElseThrow(), step);
        stepsOf.get(todo).remove(step);
      }
    } catch (DomainException | NoSuchElementException refused) {
      // A change the use cases refuse changes nothing; the sync must agree.
    }
  }

  private void update(String user, TodoInput input) {
    ports
        .updateTodo()
        .mergePatch(
            new UpdateTodoCommand(
                caller(user), todo(), VersionPrecondition.none(), InputSource.of(input)));
  }

  /** Brings the user's client up to date with small pages, then checks it against a full sync. */
  private void syncAndCompare(String user) {
    var client = clients.get(user);
    client.follow(user, Optional.ofNullable(client.cursor));
    var fresh = new Client();
    var first = fresh.follow(user, Optional.empty());
    assertThat(first.removed()).as("a full sync removes nothing").isEmpty();
    assertThat(client.lists).as("lists of " + user).isEqualTo(fresh.lists);
    assertThat(client.todos).as("to-dos of " + user).isEqualTo(fresh.todos);
    assertThat(client.steps).as("steps of " + user).isEqualTo(fresh.steps);
    syncs++;
  }

  /** What one client holds, built from the pages alone. */
  private final class Client {
    final Map<String, ListView> lists = new LinkedHashMap<>();
    final Map<String, Todo> todos = new LinkedHashMap<>();
    final Map<String, Step> steps = new LinkedHashMap<>();
    String cursor;

    /** Follows the pages to the end; returns the first. */
    SyncPage follow(String user, Optional<String> from) {
      SyncPage first = null;
      Optional<String> next = from;
      SyncPage page;
      do {
        page = ports.sync().sync(caller(user), next, Optional.of(1 + random.nextInt(7)));
        apply(page);
        first = first == null ? page : first;
        next = Optional.of(page.cursor());
      } while (page.hasMore());
      cursor = page.cursor();
      return first;
    }

    void apply(SyncPage page) {
      var named = new HashSet<String>();
      page.lists().forEach(list -> assertOnce(named, "list", list.list().id().toString()));
      page.todos().forEach(todo -> assertOnce(named, "todo", todo.id().toString()));
      page.steps().forEach(step -> assertOnce(named, "step", step.id().toString()));
      page.removed().forEach(removal -> assertOnce(named, removal.type().wireName(), removal.id()));
      for (var removal : page.removed()) {
        switch (removal.type()) {
          case LIST -> {
            lists.remove(removal.id());
            var gone =
                todos.values().stream()
                    .filter(todo -> todo.listId().toString().equals(removal.id()))
                    .map(todo -> todo.id().toString())
                    .toList();
            gone.forEach(this::dropTodo);
          }
          case TODO -> dropTodo(removal.id());
          case STEP -> steps.remove(removal.id());
        }
      }
      page.lists().forEach(list -> lists.put(list.list().id().toString(), list));
      page.todos().forEach(todo -> todos.put(todo.id().toString(), todo));
      page.steps().forEach(step -> steps.put(step.id().toString(), step));
    }

    private void dropTodo(String id) {
      todos.remove(id);
      steps.values().removeIf(step -> step.todoId().toString().equals(id));
    }

    private static void assertOnce(Set<String> named, String type, String id) {
      assertThat(named.add(type + ":" + id)).as("%s %s twice in one page", type, id).isTrue();
    }
  }

  private TodoId todo() {
    return TodoId.parse(pick(todos)).orElseThrow();
  }

  private String pickWithSteps() {
    var withSteps =
        todos.stream().filter(todo -> !stepsOf.getOrDefault(todo, List.of()).isEmpty()).toList();
    return pick(withSteps);
  }

  private <T> T pick(List<T> from) {
    if (from.isEmpty()) {
      throw new NoSuchElementException();
    }
    return from.get(random.nextInt(from.size()));
  }

  private String name() {
    return "n" + random.nextInt(1000);
  }

  private static Caller caller(String user) {
    return Caller.of(user);
  }

  /** Nothing to pick from: the step is skipped. */
  private static final class NoSuchElementException extends RuntimeException {}
}

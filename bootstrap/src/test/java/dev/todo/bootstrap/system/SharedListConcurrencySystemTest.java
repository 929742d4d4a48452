package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two editors of one list writing it at once, over HTTP on SQLite (and, in {@link
 * SharedListConcurrencyOnPostgresSystemTest}, on two instances of the service sharing one
 * PostgreSQL database, each writer on one of them in turn): alice owns "Shared" and "Other", bob
 * edits both; 8 threads of each create, complete and reopen, move out and back, and delete to-dos
 * of "Shared" (and bulk-complete it), while alice adds and removes members. Afterwards every
 * counter of a list ({@code todo_count}, {@code active_count}, {@code member_count}) and its stats
 * equal a fresh count of what the list holds, and what the writers' own bookkeeping says.
 */
class SharedListConcurrencySystemTest {

  private static final int THREADS_EACH = 8;
  private static final int STEPS = 30;
  private static final int MEMBERS = 8;

  @TempDir Path directory;
  private List<RunningService> services;
  private RunningService service;

  /** The instances of the service the writers share out; the first one also reads. */
  List<RunningService> start(Path directory) {
    return List.of(new RunningService(directory, Map.of()));
  }

  @BeforeEach
  void startServices() {
    services = start(directory);
    service = services.getFirst();
  }

  @AfterEach
  void stop() {
    services.forEach(RunningService::close);
  }

  private static JsonNode ok(int status, RunningService.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    return status == 204 ? null : reply.body();
  }

  private String createList(String owner, String name) {
    return ok(201, service.call("POST", "/api/v1/lists").as(owner).json(json("name", name)).send())
        .get("id")
        .getStringValue();
  }

  private static String json(String key, String value) {
    return "{\"" + key + "\":\"" + value + "\"}";
  }

  private void know(String user) {
    ok(200, service.call("GET", "/api/v1/lists").as(user).send());
  }

  private void share(String list, String user, String role) {
    var reply =
        service
            .call("PUT", "/api/v1/lists/" + list + "/members/" + user)
            .as("alice")
            .json(json("role", role))
            .send();
    assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
  }

  /** Where a writer's own to-do is now, and whether it is completed. */
  private record Place(String list, boolean completed) {}

  /** One writer's run: what it left where, by its own bookkeeping. */
  private Callable<Map<String, Place>> writer(
      String user, int seed, String shared, String other, CountDownLatch go) {
    RunningService service = services.get(seed % services.size());
    return () -> {
      var random = new Random(seed);
      var mine = new HashMap<String, Place>();
      go.await();
      for (int step = 0; step < STEPS; step++) {
        var ids = new ArrayList<>(mine.keySet());
        int choice = ids.isEmpty() ? 0 : random.nextInt(10);
        String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        switch (choice) {
          case 0, 1, 2 -> {
            var todo =
                ok(
                    201,
                    service
                        .call("POST", "/api/v1/todos")
                        .as(user)
                        .json(
                            "{\"title\":\""
                                + user
                                + " "
                                + step
                                + "\",\"list_id\":\""
                                + shared
                                + "\"}")
                        .send());
            mine.put(todo.get("id").getStringValue(), new Place(shared, false));
          }
          case 3, 4 -> {
            boolean completed = !mine.get(id).completed();
            ok(
                200,
                service
                    .call("PATCH", "/api/v1/todos/" + id)
                    .as(user)
                    .json("{\"completed\":" + completed + "}")
                    .send());
            mine.put(id, new Place(mine.get(id).list(), completed));
          }
          case 5, 6 -> {
            String target = mine.get(id).list().equals(shared) ? other : shared;
            var moved =
                ok(
                    200,
                    service
                        .call("PATCH", "/api/v1/todos/" + id)
                        .as(user)
                        .json(json("list_id", target))
                        .send());
            assertThat(moved.get("list_id").getStringValue()).isEqualTo(target);
            mine.put(id, new Place(target, mine.get(id).completed()));
          }
          case 7, 8 -> {
            ok(204, service.call("DELETE", "/api/v1/todos/" + id).as(user).send());
            mine.remove(id);
          }
          default ->
              // everyone's to-dos of the list: the writers' bookkeeping of completion is no
              // longer exact (it is not compared), their places still are
              ok(
                  200,
                  service
                      .call("PATCH", "/api/v1/todos?list_id=" + shared + "&status=active")
                      .as(user)
                      .json("{\"completed\":true}")
                      .send());
        }
      }
      return mine;
    };
  }

  /**
   * Alice adding and removing members of the list, from {@code first} on (each such writer has its
   * own); those still in it at the end.
   */
  private Callable<Set<String>> membership(String list, int first, int seed, CountDownLatch go) {
    return () -> {
      var random = new Random(seed);
      var in = new HashSet<String>();
      go.await();
      for (int step = 0; step < 40; step++) {
        String user = "member" + (first + random.nextInt(MEMBERS / 2));
        if (in.contains(user)) {
          ok(
              204,
              service
                  .call("DELETE", "/api/v1/lists/" + list + "/members/" + user)
                  .as("alice")
                  .send());
          in.remove(user);
        } else {
          share(list, user, random.nextBoolean() ? "editor" : "viewer");
          in.add(user);
        }
      }
      return in;
    };
  }

  /** Every to-do of the list, read page by page, with its completion. */
  private Map<String, Boolean> everyTodoOf(String list) {
    var found = new HashMap<String, Boolean>();
    for (int page = 1; ; page++) {
      var body =
          ok(
              200,
              service
                  .call("GET", "/api/v1/todos?list_id=" + list + "&page_size=7&page=" + page)
                  .as("alice")
                  .send());
      var data = body.get("data");
      if (data.size() == 0) {
        assertThat(body.get("meta").get("total_count").getLongValue()).isEqualTo(found.size());
        return found;
      }
      data.values()
          .forEach(
              todo ->
                  found.put(
                      todo.get("id").getStringValue(), todo.get("completed").getBooleanValue()));
    }
  }

  private void assertCountersMatch(String list, String reader, Set<String> expectedIds) {
    var todos = everyTodoOf(list);
    long active = todos.values().stream().filter(completed -> !completed).count();
    var view = ok(200, service.call("GET", "/api/v1/lists/" + list).as(reader).send());
    var stats =
        ok(200, service.call("GET", "/api/v1/todos/stats?list_id=" + list).as(reader).send());

    assertThat(todos.keySet()).isEqualTo(expectedIds);
    assertThat(view.get("todo_count").getLongValue()).isEqualTo(todos.size());
    assertThat(view.get("active_count").getLongValue()).isEqualTo(active);
    assertThat(stats.get("total").getLongValue()).isEqualTo(todos.size());
    assertThat(stats.get("active").getLongValue()).isEqualTo(active);
    assertThat(stats.get("completed").getLongValue()).isEqualTo(todos.size() - active);
  }

  @Test
  void twoEditorsWritingOneListFromEightThreadsEachLeaveItsCountersExact() throws Exception {
    for (var user : List.of("alice", "bob")) {
      know(user);
    }
    for (int i = 0; i < MEMBERS; i++) {
      know("member" + i);
    }
    String shared = createList("alice", "Shared");
    String other = createList("alice", "Other");
    share(shared, "bob", "editor");
    share(other, "bob", "editor");

    var pool = Executors.newFixedThreadPool(2 * THREADS_EACH + 2);
    var go = new CountDownLatch(1);
    var writers = new ArrayList<Future<Map<String, Place>>>();
    for (int i = 0; i < THREADS_EACH; i++) {
      writers.add(pool.submit(writer("alice", i, shared, other, go)));
      writers.add(pool.submit(writer("bob", 100 + i, shared, other, go)));
    }
    var members =
        List.of(
            pool.submit(membership(shared, 0, 7, go)),
            pool.submit(membership(shared, MEMBERS / 2, 8, go)));
    go.countDown();
    var left = new HashMap<String, Place>();
    for (var writer : writers) {
      left.putAll(writer.get(120, TimeUnit.SECONDS));
    }
    var stillIn = new HashSet<String>();
    for (var member : members) {
      stillIn.addAll(member.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();

    var inShared = new HashSet<String>();
    var inOther = new HashSet<String>();
    left.forEach((id, place) -> (place.list().equals(shared) ? inShared : inOther).add(id));
    assertCountersMatch(shared, "bob", inShared);
    assertCountersMatch(other, "alice", inOther);

    var view = ok(200, service.call("GET", "/api/v1/lists/" + shared).as("alice").send());
    var listed =
        ok(200, service.call("GET", "/api/v1/lists/" + shared + "/members").as("alice").send());
    assertThat(view.get("member_count").getLongValue()).isEqualTo(2 + stillIn.size());
    assertThat(listed.get("data").size()).isEqualTo(2 + stillIn.size());
    var otherView = ok(200, service.call("GET", "/api/v1/lists/" + other).as("alice").send());
    assertThat(otherView.get("member_count").getLongValue()).isEqualTo(2);
  }

  @Test
  void oneCreateSentAtOnceFromSixteenThreadsUnderOneKeyMakesOneToDo() throws Exception {
    know("alice");
    String shared = createList("alice", "Shared");
    var pool = Executors.newFixedThreadPool(2 * THREADS_EACH);
    var go = new CountDownLatch(1);
    var answers = new ArrayList<Future<String>>();
    for (int i = 0; i < 2 * THREADS_EACH; i++) {
      RunningService via = services.get(i % services.size());
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return ok(
                        201,
                        via.call("POST", "/api/v1/todos")
                            .as("alice")
                            .header("Idempotency-Key", "retried-create-1")
                            .json("{\"title\":\"Milk\",\"list_id\":\"" + shared + "\"}")
                            .send())
                    .get("id")
                    .getStringValue();
              }));
    }
    go.countDown();
    var ids = new HashSet<String>();
    for (var answer : answers) {
      ids.add(answer.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(ids).hasSize(1);
    assertCountersMatch(shared, "alice", ids);
  }
}

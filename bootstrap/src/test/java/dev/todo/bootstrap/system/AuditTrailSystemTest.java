package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail under concurrent writes, over HTTP on SQLite: 8 writers create, complete, rename,
 * trash and restore to-dos of one shared list, a part of their requests refused on purpose (a stale
 * If-Match, a blank title). Every request carries its own {@code X-Request-ID}; afterwards the
 * audit log holds exactly one event for each request that changed something, with that request's
 * action, and none for any request that failed.
 */
class AuditTrailSystemTest {

  private static final int WRITERS = 8;
  private static final int STEPS = 40;
  private static final String COMPLETION = "completion";
  private static final String NONE = "none";

  @TempDir static Path directory;
  private static RunningService service;
  private static String list;

  @BeforeAll
  static void start() {
    service = new RunningService(directory, Map.of());
    for (int i = 0; i < WRITERS; i++) {
      service.call("GET", "/api/v1/me").as("writer" + i).send();
    }
    list =
        service
            .call("POST", "/api/v1/lists")
            .as("owner")
            .json("{\"name\":\"Shared\"}")
            .send()
            .body()
            .get("id")
            .getStringValue();
    for (int i = 0; i < WRITERS; i++) {
      var added =
          service
              .call("PUT", "/api/v1/lists/" + list + "/members/writer" + i)
              .as("owner")
              .json("{\"role\":\"editor\"}")
              .send();
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** What each request of a writer should have left in the log: its action, or null for none. */
  private static Callable<Map<String, String>> writer(int n, CountDownLatch go) {
    return () -> {
      String user = "writer" + n;
      var random = new Random(n);
      var expected = new HashMap<String, String>();
      var live = new ArrayList<String>();
      var trashed = new ArrayList<String>();
      go.await();
      for (int step = 0; step < STEPS; step++) {
        String requestId = user + "-" + step;
        int choice = live.isEmpty() ? 0 : random.nextInt(8);
        String id = live.isEmpty() ? null : live.get(random.nextInt(live.size()));
        var call =
            switch (choice) {
              case 0, 1 ->
                  service
                      .call("POST", "/api/v1/todos")
                      .json("{\"title\":\"" + requestId + "\",\"list_id\":\"" + list + "\"}");
              case 2 ->
                  service
                      .call("PATCH", "/api/v1/todos/" + id)
                      .json("{\"completed\":" + random.nextBoolean() + "}");
              case 3 -> service.call("PATCH", "/api/v1/todos/" + id).json("{\"title\":\"  \"}");
              case 4 ->
                  service
                      .call("PATCH", "/api/v1/todos/" + id)
                      .header("If-Match", "\"999\"")
                      .json("{\"title\":\"stale\"}");
              case 5 -> service.call("DELETE", "/api/v1/todos/" + id);
              case 6 ->
                  trashed.isEmpty()
                      ? service.call("GET", "/api/v1/todos/" + id)
                      : service.call("POST", "/api/v1/todos/" + trashed.getLast() + "/restore");
              default ->
                  service
                      .call("PATCH", "/api/v1/todos/" + id)
                      .json("{\"title\":\"renamed " + requestId + "\"}");
            };
        var reply = call.as(user).header("X-Request-ID", requestId).send();
        String action =
            switch (choice) {
              case 0, 1 -> {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                live.add(reply.body().get("id").getStringValue());
                yield "todo.created";
              }
              case 2 -> {
                // completed or reopened, or nothing when it already was: at most one event
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                yield COMPLETION;
              }
              case 3, 4 -> {
                assertThat(reply.status()).as(reply.toString()).isIn(400, 412);
                yield null;
              }
              case 5 -> {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
                live.remove(id);
                trashed.add(id);
                yield "todo.deleted";
              }
              case 6 -> {
                if (trashed.isEmpty()) {
                  yield null;
                }
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                live.add(trashed.removeLast());
                yield "todo.restored";
              }
              default -> {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                yield "todo.updated";
              }
            };
        expected.put(requestId, action == null ? NONE : action);
      }
      return expected;
    };
  }

  @Test
  void everyCommittedChangeHasExactlyOneEventAndNoFailedRequestHasOne() throws Exception {
    var go = new CountDownLatch(1);
    var expected = new ConcurrentHashMap<String, String>();
    try (var threads = Executors.newFixedThreadPool(WRITERS)) {
      var futures = new ArrayList<java.util.concurrent.Future<Map<String, String>>>();
      for (int i = 0; i < WRITERS; i++) {
        futures.add(threads.submit(writer(i, go)));
      }
      go.countDown();
      for (var future : futures) {
        expected.putAll(future.get(2, TimeUnit.MINUTES));
      }
    }

    var logged = eventsByRequest();

    expected.forEach(
        (requestId, action) -> {
          var events = logged.getOrDefault(requestId, List.of());
          if (action.equals(NONE)) {
            assertThat(events).as(requestId).isEmpty();
          } else if (action.equals(COMPLETION)) {
            assertThat(events).as(requestId).hasSizeLessThanOrEqualTo(1);
            events.forEach(event -> assertThat(event).isIn("todo.completed", "todo.reopened"));
          } else {
            assertThat(events).as(requestId).containsExactly(action);
          }
        });
    assertThat(logged.keySet())
        .allMatch(id -> !id.startsWith("writer") || expected.containsKey(id));
  }

  /** Every event of the list, by the request that wrote it, read page by page. */
  private static Map<String, List<String>> eventsByRequest() {
    var byRequest = new HashMap<String, List<String>>();
    String before = null;
    do {
      var page =
          service
              .call(
                  "GET",
                  "/api/v1/lists/"
                      + list
                      + "/activity?limit=100"
                      + (before == null ? "" : "&before=" + before))
              .as("owner")
              .send();
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      var body = page.body();
      for (var event : body.get("data").values()) {
        var requestId = event.get("request_id");
        if (requestId != null && requestId.isString()) {
          byRequest
              .computeIfAbsent(requestId.getStringValue(), id -> new ArrayList<>())
              .add(event.get("action").getStringValue());
        }
      }
      before = body.get("next").isNull() ? null : body.get("next").getStringValue();
    } while (before != null);
    return byRequest;
  }
}

package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box test of the assembled service over HTTP against the contract: errors, isolation, roles,
 * paging, stable sorting, If-Match and concurrent writes. Each test uses its own users.
 */
class TodoApiSystemTest {

  @TempDir static Path directory;
  private static RunningService service;

  @BeforeAll
  static void start() {
    service = new RunningService(directory, Map.of());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static RunningService.Reply create(String user, String body) {
    var reply = service.call("POST", "/api/v1/todos").as(user).json(body).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply;
  }

  private static String id(RunningService.Reply reply) {
    return reply.body().get("id").getStringValue();
  }

  private static List<String> titles(JsonNode page) {
    var titles = new ArrayList<String>();
    page.get("data").values().forEach(todo -> titles.add(todo.get("title").getStringValue()));
    return titles;
  }

  @Test
  void withoutATokenTheAnswerIs403AndAnUndecodableOneIs401() {
    var none = service.call("GET", "/api/v1/todos").send();
    var basic = service.call("GET", "/api/v1/todos").header("Authorization", "Basic YTpi").send();
    var garbage =
        service.call("GET", "/api/v1/todos").header("Authorization", "Bearer not.a.jwt").send();

    assertThat(none.status()).isEqualTo(403);
    assertThat(none.errorCode()).isEqualTo("AUTHENTICATION_REQUIRED");
    assertThat(basic.status()).isEqualTo(403);
    assertThat(garbage.status()).isEqualTo(401);
    assertThat(garbage.errorCode()).isEqualTo("INVALID_TOKEN");
    assertThat(garbage.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
  }

  @Test
  void createAnswers201WithLocationETagAndEveryField() {
    var reply = create("creator", "{\"title\": \"  Buy milk  \"}");
    var todo = reply.body();

    assertThat(reply.header("Location")).isEqualTo("/api/v1/todos/" + id(reply));
    assertThat(reply.header("ETag")).isEqualTo("\"1\"");
    assertThat(todo.get("title").getStringValue()).isEqualTo("Buy milk");
    assertThat(todo.get("notes").isNull()).isTrue();
    assertThat(todo.get("completed").getBooleanValue()).isFalse();
    assertThat(todo.get("completed_at").isNull()).isTrue();
    assertThat(todo.get("due_date").isNull()).isTrue();
    assertThat(todo.get("priority").getStringValue()).isEqualTo("none");
    assertThat(todo.get("position").getLongValue()).isEqualTo(1);
    assertThat(todo.get("attachment_count").getIntValue()).isZero();
    assertThat(todo.get("version").getLongValue()).isEqualTo(1);
    assertThat(todo.get("created_at").getStringValue())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  }

  @Test
  void anotherUsersTodoDoesNotExistForThem() {
    var mine = id(create("owner-a", "{\"title\": \"private\"}"));

    var read = service.call("GET", "/api/v1/todos/" + mine).as("intruder").send();
    var write =
        service.call("PATCH", "/api/v1/todos/" + mine).as("intruder").json("{\"title\":1}").send();
    var delete = service.call("DELETE", "/api/v1/todos/" + mine).as("intruder").send();
    var list = service.call("GET", "/api/v1/todos").as("intruder").send();

    assertThat(read.status()).isEqualTo(404);
    assertThat(read.errorCode()).isEqualTo("TODO_NOT_FOUND");
    assertThat(write.status()).isEqualTo(404);
    assertThat(delete.status()).isEqualTo(404);
    assertThat(list.body().get("meta").get("total_count").getLongValue()).isZero();
    assertThat(service.call("GET", "/api/v1/todos/" + mine).as("owner-a").send().status())
        .isEqualTo(200);
  }

  @Test
  void aMalformedIdIsNotFound() {
    var reply = service.call("GET", "/api/v1/todos/not-a-uuid").as("someone").send();

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("TODO_NOT_FOUND");
  }

  @Test
  void readOnlyReadsButNeverWritesAndAdminsSeeEveryone() {
    var todo = id(create("role-owner", "{\"title\": \"shared\"}"));

    var readonlyGet =
        service.call("GET", "/api/v1/todos/" + todo).as("role-owner", "readonly").send();
    var readonlyPost =
        service.call("POST", "/api/v1/todos").as("role-owner", "readonly").json("{}").send();
    var adminList =
        service.call("GET", "/api/v1/todos?owner=role-owner").as("boss", "admin").send();
    var adminPatch =
        service
            .call("PATCH", "/api/v1/todos/" + todo)
            .as("boss", "admin")
            .json("{\"completed\": true}")
            .send();
    var nosyList = service.call("GET", "/api/v1/todos?owner=role-owner").as("nosy").send();

    assertThat(readonlyGet.status()).isEqualTo(200);
    assertThat(readonlyPost.status()).isEqualTo(403);
    assertThat(readonlyPost.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(titles(adminList.body())).containsExactly("shared");
    assertThat(adminPatch.status()).isEqualTo(200);
    assertThat(nosyList.status()).isEqualTo(403);
    assertThat(nosyList.errorCode()).isEqualTo("FORBIDDEN");
  }

  @Test
  void badBodiesAreRefusedAndChangeNothing() {
    var todo = id(create("strict", "{\"title\": \"keep me\"}"));
    String path = "/api/v1/todos/" + todo;

    var blank = service.call("PUT", path).as("strict").json("{\"title\": \"  \"}").send();
    var wrongType = service.call("PUT", path).as("strict").json("{\"title\": 42}").send();
    var fraction = service.call("PATCH", path).as("strict").json("{\"position\": 1.5}").send();
    var notJson = service.call("PATCH", path).as("strict").json("{\"title\": ").send();
    var notAnObject = service.call("PATCH", path).as("strict").json("[1]").send();
    var text = service.call("PATCH", path).as("strict").body("text/plain", "title=x").send();
    var badDate =
        service.call("PATCH", path).as("strict").json("{\"due_date\": \"2026-02-30\"}").send();

    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(blank.body().get("error").get("details").get("title")).isNotNull();
    for (var reply : List.of(wrongType, fraction, notJson, notAnObject)) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(badDate.errorCode()).isEqualTo("VALIDATION_ERROR");
    var stored = service.call("GET", path).as("strict").send();
    assertThat(stored.body().get("title").getStringValue()).isEqualTo("keep me");
    assertThat(stored.header("ETag")).isEqualTo("\"1\"");
  }

  @Test
  void ifMatchGuardsEveryWrite() {
    var todo = id(create("matcher", "{\"title\": \"v1\"}"));
    String path = "/api/v1/todos/" + todo;

    var ok =
        service
            .call("PATCH", path)
            .as("matcher")
            .header("If-Match", "\"1\"")
            .json("{\"title\": \"v2\"}")
            .send();
    var stale =
        service
            .call("PATCH", path)
            .as("matcher")
            .header("If-Match", "\"1\"")
            .json("{\"title\": \"lost\"}")
            .send();
    var weak =
        service
            .call("PUT", path)
            .as("matcher")
            .header("If-Match", "\"7\", W/\"2\"")
            .json("{\"title\": \"v3\"}")
            .send();
    var staleDelete = service.call("DELETE", path).as("matcher").header("If-Match", "\"2\"").send();
    var anyDelete = service.call("DELETE", path).as("matcher").header("If-Match", "*").send();

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("ETag")).isEqualTo("\"2\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
    assertThat(weak.status()).isEqualTo(200);
    assertThat(weak.body().get("version").getLongValue()).isEqualTo(3);
    assertThat(staleDelete.status()).isEqualTo(412);
    assertThat(anyDelete.status()).isEqualTo(204);
  }

  @Test
  void pagesCarryTheTrueMetaEvenPastTheEnd() {
    for (int i = 1; i <= 25; i++) {
      create("pager", "{\"title\": \"t" + i + "\"}");
    }

    var third = service.call("GET", "/api/v1/todos?page=3&page_size=10").as("pager").send();
    var beyond = service.call("GET", "/api/v1/todos?page=9&page_size=10").as("pager").send();
    var bad = service.call("GET", "/api/v1/todos?page_size=101").as("pager").send();

    assertThat(titles(third.body())).containsExactly("t21", "t22", "t23", "t24", "t25");
    var meta = beyond.body().get("meta");
    assertThat(beyond.body().get("data").size()).isZero();
    assertThat(meta.get("page").getIntValue()).isEqualTo(9);
    assertThat(meta.get("page_size").getIntValue()).isEqualTo(10);
    assertThat(meta.get("total_count").getLongValue()).isEqualTo(25);
    assertThat(meta.get("total_pages").getLongValue()).isEqualTo(3);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("MALFORMED_REQUEST");
  }

  /**
   * Issue 18's first reproduction: a search for text with a NUL once answered 500 and left its
   * failed statement in the connection's cache, so every later search on that connection failed for
   * every user. Sent three times as often as the pool has connections, from whichever request
   * threads take it (the statement cache's own eviction is {@code CachedStatementsTest}'s).
   */
  @Test
  void aSearchForTextNoTitleCanHoldFindsNothingAndLeavesSearchWorkingForEveryone() {
    create("searcher-a", "{\"title\": \"Buy milk\"}");
    create("searcher-b", "{\"title\": \"Oat milk\"}");

    for (int i = 0; i < 12; i++) {
      var odd = service.call("GET", "/api/v1/todos?q=a%00b").as("searcher-a").send();
      assertThat(odd.status()).as(odd.toString()).isEqualTo(200);
      assertThat(odd.body().get("data").size()).isZero();
    }
    for (int i = 0; i < 12; i++) {
      boolean a = i % 2 == 0;
      var milk =
          service.call("GET", "/api/v1/todos?q=milk").as(a ? "searcher-a" : "searcher-b").send();
      assertThat(milk.status()).as(milk.toString()).isEqualTo(200);
      assertThat(titles(milk.body())).containsExactly(a ? "Buy milk" : "Oat milk");
    }
  }

  @Test
  void sortingIsStableAcrossEqualKeys() {
    for (int i = 1; i <= 6; i++) {
      create(
          "sorter",
          "{\"title\": \"s" + i + "\", \"priority\": \"" + (i % 2 == 0 ? "high" : "low") + "\"}");
    }

    var asc = service.call("GET", "/api/v1/todos?sort=priority").as("sorter").send();
    var desc = service.call("GET", "/api/v1/todos?sort=priority&order=desc").as("sorter").send();

    assertThat(titles(asc.body())).containsExactly("s1", "s3", "s5", "s2", "s4", "s6");
    assertThat(titles(desc.body())).containsExactly("s6", "s4", "s2", "s5", "s3", "s1");
  }

  @Test
  void bulkCompletionStatsAndClearing() {
    create("bulk", "{\"title\": \"a\"}");
    create("bulk", "{\"title\": \"b\", \"completed\": true}");
    create("bulk", "{\"title\": \"c\", \"due_date\": \"2000-01-01\"}");

    var stats = service.call("GET", "/api/v1/todos/stats").as("bulk").send().body();
    var updated =
        service
            .call("PATCH", "/api/v1/todos?status=active")
            .as("bulk")
            .json("{\"completed\": true}")
            .send();
    var noStatus = service.call("DELETE", "/api/v1/todos").as("bulk").send();
    var cleared = service.call("DELETE", "/api/v1/todos?status=completed").as("bulk").send();

    assertThat(stats.get("total").getLongValue()).isEqualTo(3);
    assertThat(stats.get("active").getLongValue()).isEqualTo(2);
    assertThat(stats.get("completed").getLongValue()).isEqualTo(1);
    assertThat(stats.get("overdue").getLongValue()).isEqualTo(1);
    assertThat(stats.get("completion_rate").getNumberValue().doubleValue())
        .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(updated.body().get("updated").getLongValue()).isEqualTo(2);
    assertThat(noStatus.status()).isEqualTo(400);
    assertThat(noStatus.errorCode()).isEqualTo("MALFORMED_REQUEST");
    assertThat(cleared.body().get("deleted").getLongValue()).isEqualTo(3);
  }

  @Test
  void unknownRoutesAndMethodsAnswerInTheEnvelopeWithTheRequestId() {
    var unknown =
        service
            .call("GET", "/api/v1/nothing-here")
            .as("x")
            .header("X-Request-ID", "trace-42")
            .send();
    var method = service.call("PUT", "/api/v1/todos/stats").as("x").json("{}").send();

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(unknown.header("X-Request-ID")).isEqualTo("trace-42");
    assertThat(unknown.body().get("error").get("request_id").getStringValue())
        .isEqualTo("trace-42");
    assertThat(method.status()).isIn(404, 405);
  }

  @Test
  void concurrentWritesOfOneUserAreAllAnsweredAndAllKept() throws Exception {
    int threads = 8;
    int writesEach = 50;
    var pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<List<Integer>>>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                var statuses = new ArrayList<Integer>();
                for (int i = 0; i < writesEach; i++) {
                  statuses.add(
                      service
                          .call("POST", "/api/v1/todos")
                          .as("busy")
                          .json("{\"title\": \"w" + thread + "-" + i + "\"}")
                          .send()
                          .status());
                }
                return statuses;
              }));
    }
    long began = System.nanoTime();
    start.countDown();
    var statuses = new ArrayList<Integer>();
    for (var future : futures) {
      statuses.addAll(future.get(120, TimeUnit.SECONDS));
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    pool.shutdown();

    assertThat(statuses).hasSize(threads * writesEach).allMatch(status -> status == 201);
    var meta = service.call("GET", "/api/v1/todos").as("busy").send().body().get("meta");
    assertThat(meta.get("total_count").getLongValue()).isEqualTo(threads * writesEach);
    System.out.printf(
        "concurrent writes: %d in %.2f s = %.0f writes/s, 0 errors%n",
        statuses.size(), seconds, statuses.size() / seconds);
  }
}

package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.tree.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A to-do's steps through the whole service: real HTTP, real SQLite with its migrations. alice owns
 * "Groceries" (vera views it, erin edits it) and "Elsewhere" (erin edits it); every route, its
 * errors, and the to-do's counters after each change and after a move.
 */
class StepSystemTest {

  @TempDir static Path directory;
  private static RunningService service;
  private static String groceries;
  private static String elsewhere;

  @BeforeAll
  static void start() {
    service = new RunningService(directory, Map.of());
    for (String user : List.of("alice", "vera", "erin", "zed")) {
      ok(200, service.call("GET", "/api/v1/lists").as(user).send());
    }
    groceries = createList("Groceries");
    elsewhere = createList("Elsewhere");
    share(groceries, "vera", "viewer");
    share(groceries, "erin", "editor");
    share(elsewhere, "erin", "editor");
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static JsonNode ok(int status, RunningService.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    return status == 204 ? null : reply.body();
  }

  private static void fails(int status, String code, RunningService.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.toString()).isEqualTo(code);
  }

  private static String createList(String name) {
    return ok(
            201,
            service
                .call("POST", "/api/v1/lists")
                .as("alice")
                .json("{\"name\":\"" + name + "\"}")
                .send())
        .get("id")
        .getStringValue();
  }

  private static void share(String list, String user, String role) {
    ok(
        201,
        service
            .call("PUT", "/api/v1/lists/" + list + "/members/" + user)
            .as("alice")
            .json("{\"role\":\"" + role + "\"}")
            .send());
  }

  static String createTodo(String list) {
    return ok(
            201,
            service
                .call("POST", "/api/v1/todos")
                .as("alice")
                .json("{\"title\":\"Shopping\",\"list_id\":\"" + list + "\"}")
                .send())
        .get("id")
        .getStringValue();
  }

  private static String steps(String todo) {
    return "/api/v1/todos/" + todo + "/steps";
  }

  private static RunningService.Reply add(String user, String todo, String body) {
    return service.call("POST", steps(todo)).as(user).json(body).send();
  }

  private static String added(String todo, String title) {
    return ok(201, add("alice", todo, "{\"title\":\"" + title + "\"}")).get("id").getStringValue();
  }

  private static RunningService.Reply patch(String user, String todo, String step, String body) {
    return service
        .call("PATCH", steps(todo) + "/" + step)
        .as(user)
        .body("application/merge-patch+json", body)
        .send();
  }

  private static List<String> titles(String user, String todo) {
    var titles = new ArrayList<String>();
    for (JsonNode step :
        ok(200, service.call("GET", steps(todo)).as(user).send()).get("data").values()) {
      titles.add(step.get("title").getStringValue());
    }
    return titles;
  }

  /** The to-do's {@code [step_count, steps_completed, version]}. */
  private static List<Long> counters(String todo) {
    var body = ok(200, service.call("GET", "/api/v1/todos/" + todo).as("alice").send());
    return List.of(
        body.get("step_count").getLongValue(),
        body.get("steps_completed").getLongValue(),
        body.get("version").getLongValue());
  }

  @Test
  void everyRouteWorksAndTheCountersStayExactWithoutChangingTheVersion() {
    String todo = createTodo(groceries);

    var created = add("erin", todo, "{\"title\":\" Eggs \"}");
    ok(201, created);
    String eggs = created.body().get("id").getStringValue();
    assertThat(created.header("Location")).endsWith(steps(todo) + "/" + eggs);
    assertThat(created.body().get("position").getLongValue()).isEqualTo(1);
    assertThat(created.body().get("todo_id").getStringValue()).isEqualTo(todo);
    String milk = added(todo, "Milk");
    added(todo, "Bread");
    assertThat(counters(todo)).containsExactly(3L, 0L, 1L);

    var done = ok(200, patch("erin", todo, eggs, "{\"completed\":true,\"position\":9}"));
    assertThat(done.get("completed").getBooleanValue()).isTrue();
    assertThat(titles("vera", todo)).containsExactly("Milk", "Bread", "Eggs");
    assertThat(counters(todo)).containsExactly(3L, 1L, 1L);

    ok(204, service.call("DELETE", steps(todo) + "/" + eggs).as("erin").send());
    ok(200, patch("alice", todo, milk, "{\"completed\":true}"));
    assertThat(titles("alice", todo)).containsExactly("Milk", "Bread");
    assertThat(counters(todo)).containsExactly(2L, 1L, 1L);
  }

  @Test
  void theContractsErrors() {
    String todo = createTodo(groceries);
    String other = createTodo(groceries);
    String eggs = added(todo, "Eggs");
    String foreign = added(other, "Not yours");

    fails(404, "STEP_NOT_FOUND", patch("alice", todo, foreign, "{\"completed\":true}"));
    fails(
        404,
        "STEP_NOT_FOUND",
        service.call("DELETE", steps(todo) + "/" + foreign).as("alice").send());
    fails(404, "STEP_NOT_FOUND", patch("alice", todo, "not-a-uuid", "{\"completed\":true}"));
    fails(404, "STEP_NOT_FOUND", patch("alice", todo, UUID.randomUUID().toString(), "{}"));
    fails(404, "TODO_NOT_FOUND", service.call("GET", steps("not-a-uuid")).as("alice").send());
    fails(404, "TODO_NOT_FOUND", service.call("GET", steps(todo)).as("zed").send());
    fails(404, "TODO_NOT_FOUND", add("zed", todo, "{\"title\":5}"));
    fails(403, "FORBIDDEN", add("vera", todo, "{\"title\":\"Milk\"}"));
    fails(403, "FORBIDDEN", patch("vera", todo, eggs, "{\"completed\":true}"));
    fails(403, "FORBIDDEN", service.call("DELETE", steps(todo) + "/" + eggs).as("vera").send());
    fails(
        403,
        "FORBIDDEN",
        service.call("POST", steps(todo)).as("erin", "readonly").json("{\"title\":5}").send());
    fails(400, "VALIDATION_ERROR", add("alice", todo, "{\"title\":\"\"}"));
    fails(400, "MALFORMED_REQUEST", add("alice", todo, "{\"title\":\"a\",\"position\":\"1\"}"));
    fails(400, "VALIDATION_ERROR", patch("alice", todo, eggs, "{\"position\":null}"));
    assertThat(titles("vera", todo)).containsExactly("Eggs");
    assertThat(counters(todo)).containsExactly(1L, 0L, 1L);
    assertThat(counters(other)).containsExactly(1L, 0L, 1L);
  }

  @Test
  void theHundredAndFirstStepIsRefused() {
    String todo = createTodo(groceries);
    for (int i = 1; i <= 100; i++) {
      added(todo, "step " + i);
    }

    var refused = add("alice", todo, "{\"title\":\"one too many\"}");

    fails(400, "VALIDATION_ERROR", refused);
    assertThat(refused.body().get("error").get("details").get("steps")).isNotNull();
    assertThat(counters(todo)).containsExactly(100L, 0L, 1L);
  }

  @Test
  void stepsMoveWithTheirTodoToAnotherListAndGoWithIt() {
    String todo = createTodo(groceries);
    String eggs = added(todo, "Eggs");
    added(todo, "Milk");
    ok(200, patch("alice", todo, eggs, "{\"completed\":true}"));

    var moved =
        ok(
            200,
            service
                .call("PATCH", "/api/v1/todos/" + todo)
                .as("erin")
                .json("{\"list_id\":\"" + elsewhere + "\"}")
                .send());

    assertThat(moved.get("list_id").getStringValue()).isEqualTo(elsewhere);
    assertThat(moved.get("step_count").getLongValue()).isEqualTo(2);
    assertThat(moved.get("steps_completed").getLongValue()).isEqualTo(1);
    assertThat(counters(todo)).containsExactly(2L, 1L, 2L);
    assertThat(titles("erin", todo)).containsExactly("Eggs", "Milk");
    fails(404, "TODO_NOT_FOUND", service.call("GET", steps(todo)).as("vera").send());
    ok(201, add("erin", todo, "{\"title\":\"Bread\"}"));
    assertThat(counters(todo)).containsExactly(3L, 1L, 2L);

    ok(204, service.call("DELETE", "/api/v1/todos/" + todo).as("alice").send());
    fails(404, "TODO_NOT_FOUND", service.call("GET", steps(todo)).as("alice").send());
  }
}

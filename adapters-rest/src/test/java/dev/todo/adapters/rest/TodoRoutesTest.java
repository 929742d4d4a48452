package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.in.BulkEditTodosUseCase.SetCompletedCommand;
import dev.todo.domain.port.in.ReadTodosUseCase.ListTodosQuery;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.SortDirection;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoSort;
import dev.todo.domain.todo.VersionPrecondition;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every to-do route over a real socket, with the use cases replaced by {@link FakeTodos}. */
@MicronautTest
@SuppressWarnings("unchecked")
class TodoRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject FakeTodos todos;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    todos.reset();
  }

  // --- create

  @Test
  void createAnswers201WithLocationEtagAndEveryField() {
    var reply =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .json(
                "{\"title\":\"  Buy milk \",\"notes\":\"2 litres\",\"due_date\":\"2026-01-20\","
                    + "\"priority\":\"high\",\"id\":\"ignored\",\"version\":99,\"unknown\":[1]}")
            .send();

    assertThat(reply.status()).isEqualTo(201);
    var body = reply.map();
    assertThat(reply.header("Location")).isEqualTo("/api/v1/todos/" + body.get("id"));
    assertThat(reply.header("ETag")).isEqualTo("\"1\"");
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    assertThat(body)
        .containsEntry("title", "Buy milk")
        .containsEntry("notes", "2 litres")
        .containsEntry("completed", false)
        .containsEntry("completed_at", null)
        .containsEntry("due_date", "2026-01-20")
        .containsEntry("priority", "high")
        .containsEntry("position", 1)
        .containsEntry("attachment_count", 0)
        .containsEntry("created_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("updated_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("version", 1);
    assertThat(body).hasSize(12);
    assertThat(body.get("id")).isNotEqualTo("ignored");
  }

  @Test
  void nullFieldsAreWrittenNotOmitted() {
    var reply = api.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"x\"}").send();

    assertThat(reply.body())
        .contains("\"notes\":null", "\"completed_at\":null", "\"due_date\":null");
  }

  @Test
  void timestampsAlwaysHaveMilliseconds() {
    todos.clockAt(java.time.Instant.parse("2026-03-01T00:00:00Z"));
    var reply = api.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"x\"}").send();

    assertThat(reply.map()).containsEntry("created_at", "2026-03-01T00:00:00.000Z");
  }

  @Test
  void wrongJsonTypesAreMalformedAndNothingIsCoerced() {
    for (var body :
        List.of(
            "{\"title\":42}",
            "{\"title\":\"x\",\"completed\":1}",
            "{\"title\":\"x\",\"completed\":\"true\"}",
            "{\"title\":\"x\",\"position\":1.5}",
            "{\"title\":\"x\",\"position\":2.0}",
            "{\"title\":\"x\",\"position\":\"3\"}",
            "{\"title\":\"x\",\"notes\":[]}",
            "{\"title\":\"x\",\"priority\":{}}",
            "{\"title\":\"x\",\"due_date\":20260120}",
            "[{\"title\":\"x\"}]",
            "\"x\"",
            "null",
            "{\"title\":",
            "",
            "{\"title\":\"x\"} trailing")) {
      var reply = api.call("POST", "/api/v1/todos").as("alice").json(body).send();
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.errorCode()).as(body).isEqualTo("MALFORMED_REQUEST");
    }
    assertThat(todos.lastCommand()).isNotNull();
  }

  @Test
  void wellTypedValuesThatBreakARuleAreValidationErrorsNamingTheField() {
    var reply =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .json("{\"title\":\"  \",\"priority\":\"urgent\",\"due_date\":\"2026-02-30\"}")
            .send();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat((Map<String, Object>) reply.error().get("details"))
        .containsKeys("title", "priority", "due_date");
  }

  @Test
  void aHugeIntegerPositionIsAValidationErrorNotMalformed() {
    var reply =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .json("{\"title\":\"x\",\"position\":123456789012345678901234567890}")
            .send();

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat((Map<String, Object>) reply.error().get("details")).containsKey("position");
  }

  @Test
  void otherContentTypesAre415() {
    for (var type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      var reply =
          api.call("POST", "/api/v1/todos").as("alice").body("{\"title\":\"x\"}", type).send();
      assertThat(reply.status()).as(String.valueOf(type)).isEqualTo(415);
      assertThat(reply.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
    var withCharset =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .body("{\"title\":\"x\"}", "application/json; charset=utf-8")
            .send();
    assertThat(withCharset.status()).isEqualTo(201);
  }

  @Test
  void aReadonlyCallerCannotCreate() {
    var reply =
        api.call("POST", "/api/v1/todos")
            .as("rita", "readonly")
            .body("not json", "text/plain")
            .send();

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
  }

  // --- read one

  @Test
  void readOneAnswersWithEtag() {
    var todo = todos.add("alice", "Buy milk");

    var reply = api.get("/api/v1/todos/" + todo.id()).as("alice").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("ETag")).isEqualTo("\"1\"");
    assertThat(reply.map()).containsEntry("id", todo.id().toString());
  }

  @Test
  void anotherUsersTodoAndAMalformedIdAre404TodoNotFound() {
    var todo = todos.add("alice", "secret");

    for (var path :
        List.of(
            "/api/v1/todos/" + todo.id(),
            "/api/v1/todos/not-a-uuid",
            "/api/v1/todos/" + TodoId.random())) {
      var reply = api.get(path).as("bob").send();
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("TODO_NOT_FOUND");
    }
    assertThat(api.get("/api/v1/todos/" + todo.id()).as("root", "admin").send().status())
        .isEqualTo(200);
  }

  // --- replace, patch, delete

  @Test
  void putReplacesAndPassesTheBodyOn() {
    var todo = todos.add("alice", "old");

    var reply =
        api.call("PUT", "/api/v1/todos/" + todo.id())
            .as("alice")
            .header("If-Match", "\"1\"")
            .json("{\"title\":\"new\",\"completed\":true}")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("ETag")).isEqualTo("\"2\"");
    assertThat(reply.map()).containsEntry("title", "new").containsEntry("completed", true);
    assertThat(((UpdateTodoCommand) todos.lastCommand()).precondition())
        .isEqualTo(VersionPrecondition.oneOf(Set.of(1L)));
  }

  @Test
  void patchAcceptsMergePatchAndJsonAndTellsAbsentFromNull() {
    var todo = todos.add("alice", "title");
    api.call("PATCH", "/api/v1/todos/" + todo.id())
        .as("alice")
        .json("{\"notes\":\"n\",\"priority\":\"low\"}")
        .send();

    var reply =
        api.call("PATCH", "/api/v1/todos/" + todo.id())
            .as("alice")
            .body("{\"notes\":null}", "application/merge-patch+json")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map())
        .containsEntry("title", "title")
        .containsEntry("notes", null)
        .containsEntry("priority", "low")
        .containsEntry("version", 3);
    var nullTitle =
        api.call("PATCH", "/api/v1/todos/" + todo.id())
            .as("alice")
            .body("{\"title\":null}", "application/merge-patch+json")
            .send();
    assertThat(nullTitle.errorCode()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void putDoesNotTakeMergePatch() {
    var todo = todos.add("alice", "title");

    var reply =
        api.call("PUT", "/api/v1/todos/" + todo.id())
            .as("alice")
            .body("{\"title\":\"x\"}", "application/merge-patch+json")
            .send();

    assertThat(reply.status()).isEqualTo(415);
  }

  @Test
  void checksComeInTheContractsOrder() {
    var todo = todos.add("alice", "title");
    var path = "/api/v1/todos/" + todo.id();

    // no token beats everything
    assertThat(api.call("PATCH", "/api/v1/todos/nope").body("x", "text/plain").send().errorCode())
        .isEqualTo("AUTHENTICATION_REQUIRED");
    // existence before role, precondition and body
    assertThat(
            api.call("PATCH", "/api/v1/todos/" + TodoId.random())
                .as("rita", "readonly")
                .header("If-Match", "\"9\"")
                .body("x", "text/plain")
                .send()
                .errorCode())
        .isEqualTo("TODO_NOT_FOUND");
    // role before precondition and body
    assertThat(
            api.call("PATCH", path)
                .as("alice", "readonly")
                .header("If-Match", "\"9\"")
                .body("x", "text/plain")
                .send()
                .errorCode())
        .isEqualTo("FORBIDDEN");
    // precondition before body
    var stale =
        api.call("PATCH", path)
            .as("alice")
            .header("If-Match", "\"9\"")
            .body("x", "text/plain")
            .send();
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
    // then the media type, then the JSON
    assertThat(api.call("PATCH", path).as("alice").body("x", "text/plain").send().status())
        .isEqualTo(415);
    assertThat(api.call("PATCH", path).as("alice").json("x").send().status()).isEqualTo(400);
    assertThat(todos.find(todo.id()).version()).isEqualTo(1);
  }

  @Test
  void ifMatchFormsArePassedOnAsThePrecondition() {
    var todo = todos.add("alice", "title");
    var path = "/api/v1/todos/" + todo.id();

    Map<String, VersionPrecondition> cases =
        Map.of(
            "\"1\"", VersionPrecondition.oneOf(Set.of(1L)),
            "W/\"1\"", VersionPrecondition.oneOf(Set.of(1L)),
            "*", VersionPrecondition.anyExisting(),
            "\"7\", W/\"1\"", VersionPrecondition.oneOf(Set.of(7L, 1L)),
            "\"abc\"", VersionPrecondition.oneOf(Set.of()));
    cases.forEach(
        (header, expected) -> {
          api.call("PATCH", path).as("alice").header("If-Match", header).json("{}").send();
          assertThat(((UpdateTodoCommand) todos.lastCommand()).precondition())
              .as(header)
              .isEqualTo(expected);
        });
    api.call("PATCH", path).as("alice").json("{}").send();
    assertThat(((UpdateTodoCommand) todos.lastCommand()).precondition())
        .isEqualTo(VersionPrecondition.none());
    assertThat(
            api.call("PATCH", path)
                .as("alice")
                .header("If-Match", "\"abc\"")
                .json("{}")
                .send()
                .status())
        .isEqualTo(412);
  }

  @Test
  void deleteAnswers204AndHonoursIfMatch() {
    var todo = todos.add("alice", "title");
    var path = "/api/v1/todos/" + todo.id();

    assertThat(api.call("DELETE", path).as("alice").header("If-Match", "\"2\"").send().status())
        .isEqualTo(412);
    var reply = api.call("DELETE", path).as("alice").header("If-Match", "\"1\"").send();

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(todos.find(todo.id())).isNull();
    assertThat(api.call("DELETE", path).as("alice").send().errorCode()).isEqualTo("TODO_NOT_FOUND");
  }

  // --- list

  @Test
  void listAnswersDataAndMeta() {
    for (int i = 0; i < 3; i++) {
      todos.add("alice", "t" + i);
    }
    todos.add("bob", "not mine");

    var reply = api.get("/api/v1/todos?page=2&page_size=2").as("alice").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat((List<?>) reply.map().get("data")).hasSize(1);
    assertThat(reply.map().get("meta"))
        .isEqualTo(Map.of("page", 2, "page_size", 2, "total_count", 3, "total_pages", 2));
    var past = api.get("/api/v1/todos?page=9").as("alice").send();
    assertThat((List<?>) past.map().get("data")).isEmpty();
    assertThat(past.map().get("meta"))
        .isEqualTo(Map.of("page", 9, "page_size", 20, "total_count", 3, "total_pages", 1));
  }

  @Test
  void listPassesEveryParameterOn() {
    var reply =
        api.get(
                "/api/v1/todos?status=active&q=Mi%25lk&priority=high&due_before=2026-02-01"
                    + "&due_after=2026-01-01&sort=due_date&order=desc&page=3&page_size=100&owner=bob&x=y")
            .as("root", "admin")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    var query = (ListTodosQuery) todos.lastCommand();
    assertThat(query.status()).isEqualTo(StatusFilter.ACTIVE);
    assertThat(query.text()).contains("Mi%lk");
    assertThat(query.priority()).contains(Priority.HIGH);
    assertThat(query.dueBefore()).contains(LocalDate.of(2026, 2, 1));
    assertThat(query.dueAfter()).contains(LocalDate.of(2026, 1, 1));
    assertThat(query.sort()).isEqualTo(TodoSort.DUE_DATE);
    assertThat(query.direction()).isEqualTo(SortDirection.DESC);
    assertThat(query.page().page()).isEqualTo(3);
    assertThat(query.page().size()).isEqualTo(100);
    assertThat(query.owner()).contains("bob");
  }

  @Test
  void listDefaults() {
    api.get("/api/v1/todos").as("alice").send();

    var query = (ListTodosQuery) todos.lastCommand();
    assertThat(query).isEqualTo(ListTodosQuery.firstPageOf(query.caller()));
    assertThat(query.owner()).isEqualTo(Optional.empty());
  }

  @Test
  void badValuesOfKnownParametersAreMalformed() {
    var bad =
        new ArrayList<>(
            Arrays.asList(
                "status=done",
                "status=",
                "status=ACTIVE",
                "priority=urgent",
                "due_before=2026-02-30",
                "due_after=tomorrow",
                "sort=owner",
                "order=up",
                "page=0",
                "page=-1",
                "page=x",
                "page_size=0",
                "page_size=101",
                "page_size=1.5",
                "owner="));
    for (var parameter : bad) {
      var reply = api.get("/api/v1/todos?" + parameter).as("alice").send();
      assertThat(reply.status()).as(parameter).isEqualTo(400);
      assertThat(reply.errorCode()).as(parameter).isEqualTo("MALFORMED_REQUEST");
    }
  }

  @Test
  void onlyAnAdminMayReadAnotherOwner() {
    var reply = api.get("/api/v1/todos?owner=bob").as("alice").send();
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(api.get("/api/v1/todos?owner=alice").as("alice").send().status()).isEqualTo(200);
  }

  // --- stats

  @Test
  void statsAnswersEveryCounter() {
    todos.add("alice", "a");
    var done = todos.add("alice", "b");
    api.call("PATCH", "/api/v1/todos/" + done.id()).as("alice").json("{\"completed\":true}").send();

    var reply = api.get("/api/v1/todos/stats").as("alice").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map())
        .isEqualTo(
            Map.of(
                "total", 2,
                "active", 1,
                "completed", 1,
                "overdue", 0,
                "due_today", 0,
                "completion_rate", 0.5));
    assertThat(api.get("/api/v1/todos/stats").as("empty").send().body())
        .contains("\"completion_rate\":0.0");
    assertThat(api.get("/api/v1/todos/stats?owner=alice").as("bob").send().status()).isEqualTo(403);
    assertThat(api.get("/api/v1/todos/stats?owner=alice").as("root", "admin").send().status())
        .isEqualTo(200);
  }

  // --- bulk

  @Test
  void bulkPatchMarksAndCountsChangedOnes() {
    todos.add("alice", "a");
    todos.add("alice", "b");

    var reply =
        api.call("PATCH", "/api/v1/todos?status=active")
            .as("alice")
            .body("{\"completed\":true}", "application/merge-patch+json")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map()).isEqualTo(Map.of("updated", 2));
    assertThat(((SetCompletedCommand) todos.lastCommand()).status()).isEqualTo(StatusFilter.ACTIVE);
    assertThat(
            api.call("PATCH", "/api/v1/todos")
                .as("alice")
                .json("{\"completed\":true}")
                .send()
                .map())
        .isEqualTo(Map.of("updated", 0));
  }

  @Test
  void bulkPatchNeedsABooleanCompleted() {
    assertThat(
            api.call("PATCH", "/api/v1/todos")
                .as("alice")
                .json("{\"completed\":1}")
                .send()
                .errorCode())
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(api.call("PATCH", "/api/v1/todos").as("alice").json("{}").send().errorCode())
        .isEqualTo("VALIDATION_ERROR");
    assertThat(
            api.call("PATCH", "/api/v1/todos")
                .as("alice")
                .body("completed=true", "text/plain")
                .send()
                .status())
        .isEqualTo(415);
    assertThat(
            api.call("PATCH", "/api/v1/todos?status=x")
                .as("alice")
                .json("{\"completed\":true}")
                .send()
                .errorCode())
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(
            api.call("PATCH", "/api/v1/todos")
                .as("rita", "readonly")
                .json("{\"completed\":true}")
                .send()
                .errorCode())
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void bulkDeleteRequiresCompletedOrAll() {
    todos.add("alice", "a");
    var done = todos.add("alice", "b");
    api.call("PATCH", "/api/v1/todos/" + done.id()).as("alice").json("{\"completed\":true}").send();

    for (var query : List.of("", "?status=", "?status=active", "?status=x")) {
      var reply = api.call("DELETE", "/api/v1/todos" + query).as("alice").send();
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }
    assertThat(api.call("DELETE", "/api/v1/todos?status=completed").as("alice").send().map())
        .isEqualTo(Map.of("deleted", 1));
    assertThat(api.call("DELETE", "/api/v1/todos?status=all").as("alice").send().map())
        .isEqualTo(Map.of("deleted", 1));
  }
}

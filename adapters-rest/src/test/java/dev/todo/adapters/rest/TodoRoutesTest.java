package dev.todo.adapters.rest;

import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.TodoBuilder;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every to-do route over a real socket, driving the real use cases over in-memory fakes. */
@MicronautTest
@SuppressWarnings("unchecked")
class TodoRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
  }

  private static List<Object> ids(Api.Reply reply) {
    return ((List<Map<String, Object>>) reply.map().get("data"))
        .stream().map(todo -> todo.get("id")).toList();
  }

  private static List<Object> ids(Todo... todos) {
    return Arrays.stream(todos).map(todo -> (Object) todo.id().toString()).toList();
  }

  private long versionOf(Todo todo) {
    return backend.db.todos.findById(todo.id()).orElseThrow().version();
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
        .containsEntry("step_count", 0)
        .containsEntry("steps_completed", 0)
        .containsEntry("created_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("updated_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("version", 1)
        .containsEntry("created_by", "alice")
        .containsEntry("completed_by", null)
        .containsEntry("deleted_at", null)
        .containsEntry("deleted_by", null)
        .containsKey("list_id");
    assertThat(body)
        .as(
            "part 1's twelve fields and part 2's list_id, created_by, completed_by, step_count,"
                + " steps_completed, deleted_at, deleted_by")
        .hasSize(19);
    assertThat(body.get("id")).isNotEqualTo("ignored");
  }

  @Test
  void aCreateSentAgainWithItsIdempotencyKeyAnswersWithTheSameToDoAndCreatesNothing() {
    var first =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .header("Idempotency-Key", "7d0c9e1a-create-1")
            .json("{\"title\":\"Milk\"}")
            .send();
    var again =
        api.call("POST", "/api/v1/todos")
            .as("alice")
            .header("Idempotency-Key", "7d0c9e1a-create-1")
            .json("{\"title\":\"Milk\"}")
            .send();
    var bobs =
        api.call("POST", "/api/v1/todos")
            .as("bob")
            .header("Idempotency-Key", "7d0c9e1a-create-1")
            .json("{\"title\":\"Milk\"}")
            .send();

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.map().get("id")).isEqualTo(first.map().get("id"));
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header("ETag")).isEqualTo("\"1\"");
    assertThat(bobs.map().get("id")).isNotEqualTo(first.map().get("id"));
    assertThat((Map<String, Object>) api.get("/api/v1/todos").as("alice").send().map().get("meta"))
        .containsEntry("total_count", 1);
  }

  @Test
  void anIdempotencyKeyOutsideItsAlphabetOrEmptyIs400AndCreatesNothing() {
    for (var key : List.of("", "has space", "k".repeat(129))) {
      var reply =
          api.call("POST", "/api/v1/todos")
              .as("alice")
              .header("Idempotency-Key", key)
              .json("{\"title\":\"Milk\"}")
              .send();

      assertThat(reply.status()).as(key).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
      assertThat((Map<String, Object>) reply.error().get("details")).containsKey("Idempotency-Key");
    }
    assertThat((Map<String, Object>) api.get("/api/v1/todos").as("alice").send().map().get("meta"))
        .containsEntry("total_count", 0);
  }

  @Test
  void nullFieldsAreWrittenNotOmitted() {
    var reply = api.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"x\"}").send();

    assertThat(reply.body())
        .contains("\"notes\":null", "\"completed_at\":null", "\"due_date\":null");
  }

  @Test
  void timestampsAlwaysHaveMilliseconds() {
    backend.clock.set(Instant.parse("2026-03-01T00:00:00Z"));
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
    assertThat(api.get("/api/v1/todos").as("alice").send().map().get("meta"))
        .isEqualTo(Map.of("page", 1, "page_size", 20, "total_count", 0, "total_pages", 0));
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
  void textThatIsNotFaithfulUnicodeIsMalformedAndChangesNothing() {
    var todo = backend.todo("alice", "title");
    var path = "/api/v1/todos/" + todo.id();
    var loneSurrogate = "{\"title\":\"a\\ud800b\"}";
    // ISO-8859-1 writes U+00C0 U+00AF as the bytes C0 AF: an overlong "/"
    var overlongSlash = "{\"notes\":\"a\u00C0\u00AFb\"}".getBytes(StandardCharsets.ISO_8859_1);

    var created = api.call("POST", "/api/v1/todos").as("alice").json(loneSurrogate).send();
    var patched = api.call("PATCH", path).as("alice").json(loneSurrogate).send();
    var overlong =
        api.call("PATCH", path).as("alice").body(overlongSlash, "application/json").send();

    for (var reply : List.of(created, patched, overlong)) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }
    assertThat(backend.db.todos.findById(todo.id()).orElseThrow()).isEqualTo(todo);
    assertThat(api.get("/api/v1/todos").as("alice").send().map().get("meta"))
        .isEqualTo(Map.of("page", 1, "page_size", 20, "total_count", 1, "total_pages", 1));
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
    var todo = backend.todo("alice", "Buy milk");

    var reply = api.get("/api/v1/todos/" + todo.id()).as("alice").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("ETag")).isEqualTo("\"1\"");
    assertThat(reply.map()).containsEntry("id", todo.id().toString());
  }

  @Test
  void anotherUsersTodoAndAMalformedIdAre404TodoNotFound() {
    var todo = backend.todo("alice", "secret");

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
  void putReplacesTheEditableFieldsAndHonoursIfMatch() {
    var todo =
        backend.stored(
            aTodo()
                .ownedBy("alice")
                .titled("old")
                .notes("n")
                .due("2026-01-20")
                .position(7)
                .build());
    var path = "/api/v1/todos/" + todo.id();

    var reply =
        api.call("PUT", path)
            .as("alice")
            .header("If-Match", "\"1\"")
            .json("{\"title\":\"new\",\"completed\":true}")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("ETag")).isEqualTo("\"2\"");
    assertThat(reply.map())
        .containsEntry("title", "new")
        .containsEntry("completed", true)
        .containsEntry("completed_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("notes", null)
        .containsEntry("due_date", null)
        .containsEntry("position", 7)
        .containsEntry("version", 2);
    var stale =
        api.call("PUT", path)
            .as("alice")
            .header("If-Match", "\"1\"")
            .json("{\"title\":\"x\"}")
            .send();
    assertThat(stale.status()).isEqualTo(412);
    assertThat(versionOf(todo)).isEqualTo(2);
  }

  @Test
  void patchAcceptsMergePatchAndJsonAndTellsAbsentFromNull() {
    var todo = backend.todo("alice", "title");
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
    var todo = backend.todo("alice", "title");

    var reply =
        api.call("PUT", "/api/v1/todos/" + todo.id())
            .as("alice")
            .body("{\"title\":\"x\"}", "application/merge-patch+json")
            .send();

    assertThat(reply.status()).isEqualTo(415);
  }

  @Test
  void checksComeInTheContractsOrder() {
    var todo = backend.todo("alice", "title");
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
    assertThat(versionOf(todo)).isEqualTo(1);
  }

  @Test
  void everyFormOfIfMatchIsReadAsThePrecondition() {
    var todo = backend.todo("alice", "title");
    var path = "/api/v1/todos/" + todo.id();
    api.call("PATCH", path).as("alice").json("{\"notes\":\"now at version 2\"}").send();

    // an empty patch changes nothing: the status shows whether the precondition held
    var cases = new LinkedHashMap<String, Integer>();
    cases.put("\"2\"", 200);
    cases.put("W/\"2\"", 200);
    cases.put("2", 200);
    cases.put("*", 200);
    cases.put("\"7\", W/\"2\"", 200);
    cases.put("\"1\"", 412);
    cases.put("W/\"1\"", 412);
    cases.put("\"7\", W/\"1\"", 412);
    cases.put("\"abc\"", 412);
    cases.put("\"2", 412);
    cases.forEach(
        (header, expected) ->
            assertThat(
                    api.call("PATCH", path)
                        .as("alice")
                        .header("If-Match", header)
                        .json("{}")
                        .send()
                        .status())
                .as(header)
                .isEqualTo(expected));
    assertThat(api.call("PATCH", path).as("alice").json("{}").send().status()).isEqualTo(200);
    var missing = "/api/v1/todos/" + TodoId.random();
    assertThat(
            api.call("PATCH", missing)
                .as("alice")
                .header("If-Match", "*")
                .json("{}")
                .send()
                .status())
        .isEqualTo(404);
    assertThat(versionOf(todo)).isEqualTo(2);
  }

  @Test
  void anIfMatchThatNamesNoTagIsAPreconditionNothingSatisfies() {
    var todo = backend.todo("alice", "title");
    var path = "/api/v1/todos/" + todo.id();

    for (var header : List.of("", ",", " , ,\t")) {
      var writes =
          List.of(
              api.call("PATCH", path).json("{\"notes\":\"changed\"}"),
              api.call("PUT", path).json("{\"title\":\"changed\"}"),
              api.call("DELETE", path));
      for (var write : writes) {
        var reply = write.as("alice").header("If-Match", header).send();
        assertThat(reply.status()).as("[%s]", header).isEqualTo(412);
        assertThat(reply.errorCode()).as("[%s]", header).isEqualTo("PRECONDITION_FAILED");
      }
    }
    assertThat(backend.db.todos.findById(todo.id()).orElseThrow()).isEqualTo(todo);
  }

  @Test
  void deleteAnswers204AndHonoursIfMatch() {
    var todo = backend.todo("alice", "title");
    var path = "/api/v1/todos/" + todo.id();

    assertThat(api.call("DELETE", path).as("alice").header("If-Match", "\"2\"").send().status())
        .isEqualTo(412);
    var reply = api.call("DELETE", path).as("alice").header("If-Match", "\"1\"").send();

    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.body()).isEmpty();
    assertThat(backend.db.todos.findById(todo.id())).isEmpty();
    assertThat(api.call("DELETE", path).as("alice").send().errorCode()).isEqualTo("TODO_NOT_FOUND");
  }

  // --- list

  @Test
  void listAnswersDataAndMeta() {
    backend.todo("alice", "t0");
    backend.todo("alice", "t1");
    var third = backend.todo("alice", "t2");
    backend.todo("bob", "not mine");

    var reply = api.get("/api/v1/todos?page=2&page_size=2").as("alice").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply)).isEqualTo(ids(third));
    assertThat(reply.map().get("meta"))
        .isEqualTo(Map.of("page", 2, "page_size", 2, "total_count", 3, "total_pages", 2));
    var past = api.get("/api/v1/todos?page=9").as("alice").send();
    assertThat((List<?>) past.map().get("data")).isEmpty();
    assertThat(past.map().get("meta"))
        .isEqualTo(Map.of("page", 9, "page_size", 20, "total_count", 3, "total_pages", 1));
  }

  @Test
  void everyFilterNarrowsTheListAndAnAdminReadsAnotherOwner() {
    var onLowerBound = backend.stored(bobs("Buy Mi%lk").due("2026-01-01").build());
    var inNotes = backend.stored(bobs("Shopping").notes("MI%LK again").due("2026-02-01").build());
    backend.stored(bobs("Mi%lk done").due("2026-01-15").completed().build());
    backend.stored(bobs("Milk, not literally").due("2026-01-15").build());
    backend.stored(bobs("Mi%lk low").due("2026-01-15").priority(Priority.LOW).build());
    backend.stored(bobs("Mi%lk late").due("2026-02-02").build());
    backend.stored(bobs("Mi%lk early").due("2025-12-31").build());
    backend.stored(bobs("Mi%lk undated").build());
    backend.stored(
        aTodo().ownedBy("alice").titled("Mi%lk").priority(Priority.HIGH).due("2026-01-15").build());

    var reply =
        api.get(
                "/api/v1/todos?status=active&q=mi%25lK&priority=high&due_before=2026-02-01"
                    + "&due_after=2026-01-01&sort=due_date&order=desc&owner=bob&x=y")
            .as("root", "admin")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ids(reply)).isEqualTo(ids(inNotes, onLowerBound));
    assertThat(reply.map().get("meta"))
        .isEqualTo(Map.of("page", 1, "page_size", 20, "total_count", 2, "total_pages", 1));
  }

  private static TodoBuilder bobs(String title) {
    return aTodo().ownedBy("bob").titled(title).priority(Priority.HIGH);
  }

  @Test
  void sortAndOrderAreApplied() {
    var start = InMemoryBackend.START;
    var a = backend.stored(sortable("banana", Priority.LOW, "2026-01-20", 1, start.plusSeconds(2)));
    var b = backend.stored(sortable("Apple", Priority.HIGH, null, 2, start));
    var c =
        backend.stored(sortable("cherry", Priority.MEDIUM, "2026-01-10", 3, start.plusSeconds(3)));
    var d = backend.stored(sortable("date", Priority.NONE, "2026-01-30", 4, start.plusSeconds(1)));

    var expected = new LinkedHashMap<String, List<Object>>();
    expected.put("", ids(a, b, c, d));
    expected.put("sort=position&order=desc", ids(d, c, b, a));
    expected.put("sort=title", ids(b, a, c, d));
    expected.put("sort=priority&order=desc", ids(b, c, a, d));
    expected.put("sort=due_date", ids(c, a, d, b));
    expected.put("sort=due_date&order=desc", ids(d, a, c, b));
    expected.put("sort=created_at&order=desc", ids(c, a, d, b));
    expected.put("sort=updated_at", ids(b, d, a, c));
    expected.forEach(
        (query, order) ->
            assertThat(ids(api.get("/api/v1/todos?" + query).as("alice").send()))
                .as(query)
                .isEqualTo(order));
  }

  private static Todo sortable(
      String title, Priority priority, String due, long position, Instant createdAt) {
    var todo = aTodo().titled(title).priority(priority).position(position).createdAt(createdAt);
    return (due == null ? todo : todo.due(due)).build();
  }

  @Test
  void listDefaultsToEveryStatusByPositionFirstPageOf20() {
    var byPosition = new ArrayList<Todo>();
    for (int i = 0; i < 21; i++) {
      var todo =
          aTodo()
              .titled("t" + i)
              .position(21 - i)
              .createdAt(InMemoryBackend.START.plus(Duration.ofSeconds(i)));
      byPosition.addFirst(backend.stored((i == 20 ? todo.completed() : todo).build()));
    }

    var reply = api.get("/api/v1/todos").as("alice").send();

    assertThat(ids(reply)).isEqualTo(ids(byPosition.subList(0, 20).toArray(Todo[]::new)));
    assertThat(reply.map().get("meta"))
        .isEqualTo(Map.of("page", 1, "page_size", 20, "total_count", 21, "total_pages", 2));
    assertThat(ids(api.get("/api/v1/todos?page_size=100").as("alice").send()))
        .isEqualTo(ids(byPosition.toArray(Todo[]::new)));
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
  void theFirstOfRepeatedParametersWinsAndQIsKeptWhole() {
    var semicolon = backend.todo("alice", "tea; milk");
    backend.stored(aTodo().titled("tea").completed().build());
    var active = backend.todo("alice", "tea time");

    assertThat(ids(api.get("/api/v1/todos?status=active&status=bogus").as("alice").send()))
        .isEqualTo(ids(semicolon, active));
    assertThat(api.get("/api/v1/todos?status=bogus&status=active").as("alice").send().status())
        .isEqualTo(400);
    assertThat(ids(api.get("/api/v1/todos?q=tea;%20milk&q=time").as("alice").send()))
        .isEqualTo(ids(semicolon));
    assertThat(
            ids(
                api.get("/api/v1/todos?status=active&page_size=1&page_size=x&page=2&page=-1")
                    .as("alice")
                    .send()))
        .isEqualTo(ids(active));
    // a ";" separates nothing: order's value is "desc;status=completed"
    assertThat(api.get("/api/v1/todos?order=desc;status=completed").as("alice").send().status())
        .isEqualTo(400);
    var bad = api.get("/api/v1/todos?q=%C0%AF").as("alice").send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("MALFORMED_REQUEST");
    var bulk = api.call("DELETE", "/api/v1/todos?status=completed&status=all").as("alice").send();
    assertThat(bulk.map()).isEqualTo(Map.of("deleted", 1));
    assertThat(backend.db.todos.findById(active.id())).isPresent();
  }

  @Test
  void onlyAnAdminMayReadAnotherOwner() {
    var reply = api.get("/api/v1/todos?owner=bob").as("alice").send();
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
    var own = backend.todo("alice", "mine");
    backend.todo("bob", "his");
    assertThat(ids(api.get("/api/v1/todos?owner=alice").as("alice").send())).isEqualTo(ids(own));
    assertThat(api.get("/api/v1/todos?owner=bob").as("rita", "readonly").send().status())
        .isEqualTo(403);
  }

  // --- stats

  @Test
  void statsAnswersEveryCounter() {
    backend.todo("alice", "a");
    var done = backend.todo("alice", "b");
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

  @Test
  void overdueAndDueTodayFollowTheClocksUtcDate() {
    backend.stored(aTodo().titled("yesterday").due("2026-01-14").build());
    backend.stored(aTodo().titled("today").due("2026-01-15").build());
    backend.stored(aTodo().titled("done today").due("2026-01-15").completed().build());
    backend.stored(aTodo().titled("tomorrow").due("2026-01-16").build());

    var today = api.get("/api/v1/todos/stats").as("alice").send().map();
    backend.clock.set(Instant.parse("2026-01-15T23:59:59.999Z"));
    var lastMillisecond = api.get("/api/v1/todos/stats").as("alice").send().map();
    backend.clock.advance(Duration.ofMillis(1));
    var nextDay = api.get("/api/v1/todos/stats").as("alice").send().map();

    assertThat(today).containsEntry("overdue", 1).containsEntry("due_today", 1);
    assertThat(lastMillisecond).containsEntry("overdue", 1).containsEntry("due_today", 1);
    assertThat(nextDay).containsEntry("overdue", 2).containsEntry("due_today", 1);
    assertThat(nextDay).containsEntry("total", 4).containsEntry("completion_rate", 0.25);
  }

  // --- bulk

  @Test
  void bulkPatchMarksAndCountsChangedOnes() {
    var a = backend.todo("alice", "a");
    backend.todo("alice", "b");
    var bobs = backend.todo("bob", "not mine");

    var reply =
        api.call("PATCH", "/api/v1/todos?status=active")
            .as("alice")
            .body("{\"completed\":true}", "application/merge-patch+json")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map()).isEqualTo(Map.of("updated", 2));
    assertThat(versionOf(a)).isEqualTo(2);
    assertThat(versionOf(bobs)).isEqualTo(1);
    // the status narrows what is marked: no active to-do is left to mark active
    assertThat(markAll("?status=active", false)).isEqualTo(Map.of("updated", 0));
    assertThat(markAll("?status=completed", true)).isEqualTo(Map.of("updated", 0));
    assertThat(markAll("", true)).isEqualTo(Map.of("updated", 0));
  }

  private Map<String, Object> markAll(String query, boolean completed) {
    return api.call("PATCH", "/api/v1/todos" + query)
        .as("alice")
        .json("{\"completed\":" + completed + "}")
        .send()
        .map();
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
    backend.todo("alice", "a");
    var done = backend.todo("alice", "b");
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

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.StepsUseCase.AddStepCommand;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepInput;
import dev.todo.domain.todo.Todo;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The step routes over a real socket, driving the real use cases over in-memory fakes. */
@MicronautTest
@SuppressWarnings("unchecked")
class StepRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;
  Todo todo;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
    todo = backend.todo("alice", "Shopping");
  }

  private String steps() {
    return "/api/v1/todos/" + todo.id() + "/steps";
  }

  private Api.Reply add(String body) {
    return api.call("POST", steps()).as("alice").json(body).send();
  }

  private Map<String, Object> added(String title) {
    var reply = add("{\"title\":\"" + title + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.map();
  }

  private Api.Reply patch(Object stepId, String body) {
    return api.call("PATCH", steps() + "/" + stepId)
        .as("alice")
        .body(body, "application/merge-patch+json")
        .send();
  }

  private List<Object> titles() {
    return ((List<Map<String, Object>>) api.get(steps()).as("alice").send().map().get("data"))
        .stream().map(step -> step.get("title")).toList();
  }

  private Map<String, Object> theTodo() {
    return api.get("/api/v1/todos/" + todo.id()).as("alice").send().map();
  }

  @Test
  void addAnswers201WithLocationAndEveryField() {
    var reply = add("{\"title\":\"  Eggs \",\"id\":\"ignored\",\"todo_id\":\"ignored\"}");

    assertThat(reply.status()).isEqualTo(201);
    var body = reply.map();
    assertThat(reply.header("Location")).endsWith(steps() + "/" + body.get("id"));
    assertThat(body)
        .containsOnlyKeys(
            "id", "todo_id", "title", "completed", "position", "created_at", "updated_at")
        .containsEntry("todo_id", todo.id().toString())
        .containsEntry("title", "Eggs")
        .containsEntry("completed", false)
        .containsEntry("position", 1)
        .containsEntry("created_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("updated_at", "2026-01-15T10:30:00.123Z");
  }

  @Test
  void stepsAreListedInPositionOrderTiesByCreationAndAPatchReorders() {
    added("Eggs");
    backend.clock.advance(java.time.Duration.ofMillis(1));
    added("Milk");
    backend.clock.advance(java.time.Duration.ofMillis(1));
    var bread = added("Bread");
    var placed = add("{\"title\":\"Butter\",\"completed\":true,\"position\":-1}").map();

    var moved = patch(bread.get("id"), "{\"position\":1}");

    assertThat(placed).containsEntry("position", -1).containsEntry("completed", true);
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.map()).containsEntry("position", 1);
    assertThat(titles()).containsExactly("Butter", "Eggs", "Bread", "Milk");
  }

  @Test
  void aPatchChangesTitleAndCompletionAndMovesUpdatedAt() {
    var eggs = added("Eggs");
    backend.clock.advance(java.time.Duration.ofMinutes(1));

    var reply =
        api.call("PATCH", steps() + "/" + eggs.get("id"))
            .as("alice")
            .json("{\"title\":\"Six eggs\",\"completed\":true}")
            .send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map())
        .containsEntry("title", "Six eggs")
        .containsEntry("completed", true)
        .containsEntry("position", 1)
        .containsEntry("created_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("updated_at", "2026-01-15T10:31:00.123Z");
  }

  @Test
  void theTodoShowsItsCountersAfterAttachmentCountAndKeepsItsVersion() {
    var eggs = added("Eggs");
    added("Milk");
    patch(eggs.get("id"), "{\"completed\":true}");

    var reply = api.get("/api/v1/todos/" + todo.id()).as("alice").send();

    assertThat(reply.map())
        .containsEntry("step_count", 2)
        .containsEntry("steps_completed", 1)
        .containsEntry("version", 1);
    assertThat(reply.header("ETag")).isEqualTo("\"1\"");
    assertThat(reply.body())
        .containsPattern(
            "\"attachment_count\":0,\"step_count\":2,\"steps_completed\":1,\"created_at\":");

    assertThat(api.call("DELETE", steps() + "/" + eggs.get("id")).as("alice").send().status())
        .isEqualTo(204);
    assertThat(theTodo()).containsEntry("step_count", 1).containsEntry("steps_completed", 0);
    assertThat(titles()).containsExactly("Milk");
  }

  @Test
  void aStepOfAnotherTodoOrAMalformedIdIsStepNotFound() {
    var other = backend.todo("alice", "Other");
    var foreign =
        backend
            .useCases
            .steps()
            .add(
                new AddStepCommand(
                    Caller.of("alice"), other.id(), InputSource.of(StepInput.titled("x"))));

    for (String id : List.of(foreign.id().toString(), UUID.randomUUID().toString(), "nope")) {
      var patched = patch(id, "{\"completed\":true}");
      var deleted = api.call("DELETE", steps() + "/" + id).as("alice").send();
      assertThat(patched.status()).as(id).isEqualTo(404);
      assertThat(patched.errorCode()).as(id).isEqualTo("STEP_NOT_FOUND");
      assertThat(deleted.status()).as(id).isEqualTo(404);
      assertThat(deleted.errorCode()).as(id).isEqualTo("STEP_NOT_FOUND");
    }
    assertThat(backend.db.steps.findById(foreign.id())).isPresent();
  }

  @Test
  void aTodoTheCallerCannotSeeOrAMalformedOneIsTodoNotFoundWhateverTheBody() {
    var eggs = added("Eggs");

    for (var reply :
        List.of(
            api.get(steps()).as("bob").send(),
            api.call("POST", steps()).as("bob").body("not json", "text/plain").send(),
            api.call("PATCH", steps() + "/" + eggs.get("id"))
                .as("bob")
                .json("{\"title\":5}")
                .send(),
            api.call("DELETE", steps() + "/" + eggs.get("id")).as("bob").send(),
            api.get("/api/v1/todos/nope/steps").as("alice").send())) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("TODO_NOT_FOUND");
    }
  }

  @Test
  void aReadOnlyAccountReadsButIsForbiddenToWriteBeforeTheBodyIsJudged() {
    var eggs = added("Eggs");

    var read = api.get(steps()).as("alice", "readonly").send();
    var write = api.call("POST", steps()).as("alice", "readonly").json("{\"title\":5}").send();
    var change =
        api.call("PATCH", steps() + "/" + eggs.get("id")).as("alice", "readonly").json("{}").send();
    var delete = api.call("DELETE", steps() + "/" + eggs.get("id")).as("alice", "readonly").send();

    assertThat(read.status()).isEqualTo(200);
    for (var reply : List.of(write, change, delete)) {
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void badBodiesAreTheContractsErrorsAndChangeNothing() {
    var eggs = added("Eggs");

    assertError(add("{\"title\":5}"), 400, "MALFORMED_REQUEST");
    assertError(add("{\"title\":\"a\",\"position\":1.5}"), 400, "MALFORMED_REQUEST");
    assertError(add("{\"title\":\"a\",\"completed\":1}"), 400, "MALFORMED_REQUEST");
    assertError(add("[]"), 400, "MALFORMED_REQUEST");
    assertError(
        api.call("POST", steps()).as("alice").body("{\"title\":\"a\"}", "text/plain").send(),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    var blank = add("{\"title\":\" \"}");
    assertError(blank, 400, "VALIDATION_ERROR");
    assertThat((Map<String, Object>) blank.error().get("details")).containsKey("title");
    var missing = add("{\"completed\":true}");
    assertThat((Map<String, Object>) missing.error().get("details"))
        .containsEntry("title", List.of("is required"));
    var tab = add("{\"title\":\"a\\tb\"}");
    assertThat((Map<String, Object>) tab.error().get("details")).containsKey("title");
    var nulls = patch(eggs.get("id"), "{\"title\":null,\"completed\":null,\"position\":null}");
    assertError(nulls, 400, "VALIDATION_ERROR");
    assertThat((Map<String, Object>) nulls.error().get("details"))
        .containsOnlyKeys("title", "completed", "position");
    var tooFar = patch(eggs.get("id"), "{\"position\":9007199254740992}");
    assertThat((Map<String, Object>) tooFar.error().get("details")).containsKey("position");

    assertThat(titles()).containsExactly("Eggs");
    assertThat(theTodo()).containsEntry("step_count", 1);
  }

  @Test
  void theHundredAndFirstStepIsAValidationError() {
    var caller = Caller.of("alice");
    for (int i = 0; i < Step.MAX_PER_TODO; i++) {
      backend
          .useCases
          .steps()
          .add(new AddStepCommand(caller, todo.id(), InputSource.of(StepInput.titled("s" + i))));
    }

    var reply = add("{\"title\":\"one too many\"}");

    assertError(reply, 400, "VALIDATION_ERROR");
    assertThat((Map<String, Object>) reply.error().get("details")).containsKey("steps");
    assertThat(theTodo()).containsEntry("step_count", Step.MAX_PER_TODO);
  }

  @Test
  void thereIsNoReadOfOneStep() {
    var eggs = added("Eggs");

    var reply = api.get(steps() + "/" + eggs.get("id")).as("alice").send();

    assertError(reply, 405, "METHOD_NOT_ALLOWED");
  }

  private static void assertError(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
  }
}

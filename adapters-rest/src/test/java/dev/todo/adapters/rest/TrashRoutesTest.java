package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trash over a real socket, on the real use cases over in-memory fakes. */
@MicronautTest
@SuppressWarnings("unchecked")
class TrashRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
  }

  private String create(String owner, String title) {
    return (String)
        api.call("POST", "/api/v1/todos")
            .as(owner)
            .json("{\"title\":\"" + title + "\"}")
            .send()
            .map()
            .get("id");
  }

  /** A list of {@code owner}'s shared with {@code member} in {@code role}, through the API. */
  String sharedList(String owner, String member, String role) {
    api.get("/api/v1/me").as(member).send();
    var list =
        (String)
            api.call("POST", "/api/v1/lists")
                .as(owner)
                .json("{\"name\":\"Shared\"}")
                .send()
                .map()
                .get("id");
    var added =
        api.call("PUT", "/api/v1/lists/" + list + "/members/" + member)
            .as(owner)
            .json("{\"role\":\"" + role + "\"}")
            .send();
    assertThat(added.status()).isEqualTo(201);
    return list;
  }

  private List<String> titles(String path, String user) {
    var data = (List<Map<String, Object>>) api.get(path).as(user).send().map().get("data");
    return data.stream().map(t -> (String) t.get("title")).toList();
  }

  @Test
  void deleteMovesToTheTrashAndRestoreBringsItBackAtItsPlaceOneVersionUp() {
    create("alice", "first");
    var second = create("alice", "second");
    create("alice", "third");

    assertThat(api.call("DELETE", "/api/v1/todos/" + second).as("alice").send().status())
        .isEqualTo(204);

    assertThat(titles("/api/v1/todos", "alice")).containsExactly("first", "third");
    assertThat(api.get("/api/v1/todos/" + second).as("alice").send().errorCode())
        .isEqualTo("TODO_NOT_FOUND");
    assertThat(api.get("/api/v1/todos/stats").as("alice").send().map()).containsEntry("total", 2);
    var trash = api.get("/api/v1/trash").as("alice").send().map();
    var trashed = ((List<Map<String, Object>>) trash.get("data")).getFirst();
    assertThat(trashed)
        .containsEntry("title", "second")
        .containsEntry("deleted_by", "alice")
        .containsEntry("deleted_at", "2026-01-15T10:30:00.123Z")
        .containsEntry("version", 1);
    assertThat((Map<String, Object>) trash.get("meta")).containsEntry("total_count", 1);

    var restored = api.call("POST", "/api/v1/todos/" + second + "/restore").as("alice").send();

    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.header("ETag")).isEqualTo("\"2\"");
    assertThat(restored.map())
        .containsEntry("version", 2)
        .containsEntry("deleted_at", null)
        .containsEntry("deleted_by", null)
        .containsEntry("position", 2);
    assertThat(titles("/api/v1/todos", "alice")).containsExactly("first", "second", "third");
    assertThat(titles("/api/v1/trash", "alice")).isEmpty();
  }

  @Test
  void restoringATodoThatIsNotInTheTrashIsAConflictAndAnUnknownOneNotFound() {
    var live = create("alice", "live");

    assertThat(
            api.call("POST", "/api/v1/todos/" + live + "/restore").as("alice").send().errorCode())
        .isEqualTo("CONFLICT");
    assertThat(api.call("POST", "/api/v1/todos/nope/restore").as("alice").send().errorCode())
        .isEqualTo("TODO_NOT_FOUND");
    assertThat(api.call("POST", "/api/v1/todos/" + live + "/restore").as("bob").send().errorCode())
        .isEqualTo("TODO_NOT_FOUND");
  }

  @Test
  void clearCompletedTrashesAndEmptyingDeletesForGood() {
    var done = create("alice", "done");
    create("alice", "open");
    api.call("PATCH", "/api/v1/todos/" + done).as("alice").json("{\"completed\":true}").send();

    var cleared = api.call("DELETE", "/api/v1/todos?status=completed").as("alice").send();
    assertThat(cleared.map()).containsEntry("deleted", 1);
    assertThat(titles("/api/v1/trash", "alice")).containsExactly("done");

    var emptied = api.call("DELETE", "/api/v1/trash").as("alice").send();

    assertThat(emptied.status()).isEqualTo(200);
    assertThat(emptied.map()).containsEntry("deleted", 1);
    assertThat(titles("/api/v1/trash", "alice")).isEmpty();
    assertThat(
            api.call("POST", "/api/v1/todos/" + done + "/restore").as("alice").send().errorCode())
        .isEqualTo("TODO_NOT_FOUND");
  }

  @Test
  void deletingForGoodIsOnlyForTrashedTodos() {
    var live = create("alice", "live");

    assertThat(api.call("DELETE", "/api/v1/trash/" + live).as("alice").send().errorCode())
        .isEqualTo("TODO_NOT_FOUND");

    api.call("DELETE", "/api/v1/todos/" + live).as("alice").send();
    assertThat(api.call("DELETE", "/api/v1/trash/" + live).as("bob").send().errorCode())
        .isEqualTo("TODO_NOT_FOUND");
    assertThat(api.call("DELETE", "/api/v1/trash/" + live).as("alice").send().status())
        .isEqualTo(204);
    assertThat(api.call("DELETE", "/api/v1/trash/" + live).as("alice").send().status())
        .isEqualTo(404);
  }

  @Test
  void thePurgeIsForAdminsAndTakesWhatIsOlderThanTheRetention() {
    var old = create("alice", "old");
    api.call("DELETE", "/api/v1/todos/" + old).as("alice").send();
    backend.clock.advance(Duration.ofDays(InMemoryBackend.TRASH_RETENTION_DAYS - 1));
    var recent = create("alice", "recent");
    api.call("DELETE", "/api/v1/todos/" + recent).as("alice").send();

    assertThat(api.call("POST", "/api/v1/admin/trash/purge").as("alice").send().errorCode())
        .isEqualTo("FORBIDDEN");
    assertThat(api.call("POST", "/api/v1/admin/trash/purge").as("root", "admin").send().map())
        .containsEntry("purged", 0);

    backend.clock.advance(Duration.ofDays(1).plusSeconds(1));
    var purge = api.call("POST", "/api/v1/admin/trash/purge").as("root", "admin").send();

    assertThat(purge.status()).isEqualTo(200);
    assertThat(purge.map()).containsEntry("purged", 1);
    assertThat(titles("/api/v1/trash", "alice")).containsExactly("recent");
  }

  @Test
  void aViewerSeesNoTrashAndAReadonlyTokenRestoresNothing() {
    var list = sharedList("alice", "bob", "viewer");
    var todo =
        (String)
            api.call("POST", "/api/v1/todos")
                .as("alice")
                .json("{\"title\":\"x\",\"list_id\":\"" + list + "\"}")
                .send()
                .map()
                .get("id");
    api.call("DELETE", "/api/v1/todos/" + todo).as("alice").send();

    assertThat(api.get("/api/v1/trash?list_id=" + list).as("bob").send().errorCode())
        .isEqualTo("FORBIDDEN");
    assertThat(titles("/api/v1/trash", "bob")).isEmpty();
    assertThat(api.get("/api/v1/trash?list_id=" + list).as("carol").send().errorCode())
        .isEqualTo("LIST_NOT_FOUND");
    assertThat(titles("/api/v1/trash?list_id=" + list, "alice")).containsExactly("x");
    assertThat(
            api.call("POST", "/api/v1/todos/" + todo + "/restore")
                .as("alice", "readonly")
                .send()
                .errorCode())
        .isEqualTo("FORBIDDEN");
  }
}

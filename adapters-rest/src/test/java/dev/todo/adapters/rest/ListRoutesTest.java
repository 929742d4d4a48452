package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list routes over a real socket, driving the real use cases over in-memory fakes. */
@MicronautTest
@SuppressWarnings("unchecked")
class ListRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
  }

  private Map<String, Object> created(String owner, String name) {
    var reply =
        api.call("POST", "/api/v1/lists").as(owner).json("{\"name\":\"" + name + "\"}").send();
    assertThat(reply.status()).isEqualTo(201);
    return reply.map();
  }

  private void share(Map<String, Object> list, String with, ListRole role) {
    backend.db.transactions.write(
        () -> {
          backend.db.users.register(Caller.of(with), InMemoryBackend.START);
          backend.db.lists.addMember(
              ListId.parse((String) list.get("id")).orElseThrow(),
              with,
              role,
              InMemoryBackend.START);
          return null;
        });
  }

  private static List<Map<String, Object>> data(Api.Reply reply) {
    return (List<Map<String, Object>>) reply.map().get("data");
  }

  @Test
  void createAnswers201WithLocationEtagAndEveryFieldOfTheContract() {
    var reply =
        api.call("POST", "/api/v1/lists")
            .as("alice")
            .json("{\"name\":\"  Groceries \",\"id\":\"ignored\",\"version\":9}")
            .send();

    assertThat(reply.status()).isEqualTo(201);
    var body = reply.map();
    assertThat(reply.header("Location")).isEqualTo("/api/v1/lists/" + body.get("id"));
    assertThat(reply.header("ETag")).isEqualTo("\"1\"");
    assertThat(body)
        .containsOnlyKeys(
            "id",
            "name",
            "is_default",
            "owner",
            "role",
            "position",
            "member_count",
            "todo_count",
            "active_count",
            "created_at",
            "updated_at",
            "version")
        .containsEntry("name", "Groceries")
        .containsEntry("is_default", false)
        .containsEntry("role", "owner")
        .containsEntry("member_count", 1)
        .containsEntry("todo_count", 0)
        .containsEntry("active_count", 0)
        .containsEntry("version", 1)
        .containsEntry("created_at", "2026-01-15T10:30:00.123Z");
    assertThat((Map<String, Object>) body.get("owner"))
        .containsEntry("id", "alice")
        .containsEntry("name", null)
        .containsEntry("email", null);
  }

  @Test
  void theCallersListsStartWithTheirDefaultListAndFollowTheirOrder() {
    created("alice", "Groceries");

    var reply = api.get("/api/v1/lists").as("alice").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(data(reply)).extracting(l -> l.get("name")).containsExactly("Groceries", "Inbox");
    assertThat(data(reply)).extracting(l -> l.get("is_default")).containsExactly(false, true);
    assertThat(data(reply)).extracting(l -> l.get("position")).containsExactly(1, 2);
  }

  @Test
  void badNamesAndTypesAreTheContractsErrorsAndCreateNothing() {
    var blank = api.call("POST", "/api/v1/lists").as("alice").json("{\"name\":\" \"}").send();
    var long101 =
        api.call("POST", "/api/v1/lists")
            .as("alice")
            .json("{\"name\":\"" + "x".repeat(101) + "\"}")
            .send();
    var wrongType = api.call("POST", "/api/v1/lists").as("alice").json("{\"name\":5}").send();
    var notJson = api.call("POST", "/api/v1/lists").as("alice").body("name=x", "text/plain").send();

    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(long101.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorCode()).isEqualTo("MALFORMED_REQUEST");
    assertThat(notJson.status()).isEqualTo(415);
    assertThat(data(api.get("/api/v1/lists").as("alice").send()))
        .extracting(l -> l.get("name"))
        .containsExactly("Inbox");
  }

  @Test
  void aListIsNotFoundForANonMemberAndForAMalformedId() {
    var list = created("alice", "Groceries");

    var stranger = api.get("/api/v1/lists/" + list.get("id")).as("bob").send();
    var malformed = api.get("/api/v1/lists/not-an-id").as("alice").send();

    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.errorCode()).isEqualTo("LIST_NOT_FOUND");
    assertThat(malformed.errorCode()).isEqualTo("LIST_NOT_FOUND");
    assertThat(api.get("/api/v1/lists/" + list.get("id")).as("root", "admin").send().map())
        .containsEntry("role", "admin")
        .containsEntry("position", null);
  }

  @Test
  void theOwnerRenamesWithIfMatchAndAViewerMayOnlyPlaceTheListForThemself() {
    var list = created("alice", "Groceries");
    share(list, "bob", ListRole.VIEWER);
    String path = "/api/v1/lists/" + list.get("id");

    var stale =
        api.call("PATCH", path)
            .as("alice")
            .header("If-Match", "\"7\"")
            .json("{\"name\":\"Food\"}")
            .send();
    var renamed =
        api.call("PATCH", path)
            .as("alice")
            .header("If-Match", "\"1\"")
            .body("{\"name\":\"Food\"}", "application/merge-patch+json")
            .send();
    var byViewer = api.call("PATCH", path).as("bob").json("{\"name\":\"Mine\"}").send();
    var placed = api.call("PATCH", path).as("bob").json("{\"position\":9}").send();

    assertThat(stale.status()).isEqualTo(412);
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.header("ETag")).isEqualTo("\"2\"");
    assertThat(renamed.map()).containsEntry("name", "Food").containsEntry("version", 2);
    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(byViewer.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(placed.map()).containsEntry("position", 9).containsEntry("role", "viewer");
  }

  @Test
  void deletingTheDefaultListIsAConflictAndOnlyTheOwnerDeletes() {
    var inbox = data(api.get("/api/v1/lists").as("alice").send()).getFirst();
    var list = created("alice", "Groceries");
    share(list, "bob", ListRole.EDITOR);
    String path = "/api/v1/lists/" + list.get("id");

    var defaultList = api.call("DELETE", "/api/v1/lists/" + inbox.get("id")).as("alice").send();
    var byEditor = api.call("DELETE", path).as("bob").send();
    var deleted = api.call("DELETE", path).as("alice").header("If-Match", "\"1\"").send();

    assertThat(defaultList.status()).isEqualTo(409);
    assertThat(defaultList.errorCode()).isEqualTo("CONFLICT");
    assertThat(byEditor.status()).isEqualTo(403);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(path).as("alice").send().status()).isEqualTo(404);
  }

  @Test
  void ownerIsForAdminsOrOneself() {
    created("alice", "Groceries");

    assertThat(api.get("/api/v1/lists?owner=alice").as("bob").send().status()).isEqualTo(403);
    assertThat(data(api.get("/api/v1/lists?owner=alice").as("root", "admin").send()))
        .extracting(l -> l.get("name"))
        .containsExactly("Groceries");
    assertThat(api.get("/api/v1/lists?owner=alice").as("alice").send().status()).isEqualTo(200);
  }

  @Test
  void aReadOnlyCallerCannotCreateAList() {
    var reply =
        api.call("POST", "/api/v1/lists").as("r", "readonly").json("{\"name\":\"x\"}").send();

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
  }
}

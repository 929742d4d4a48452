package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The activity feed and the admin's audit log over a real socket, on the real use cases. */
@MicronautTest
@SuppressWarnings("unchecked")
class ActivityRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;
  String list;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
    api.get("/api/v1/me").as("bob").send();
    list =
        (String)
            api.call("POST", "/api/v1/lists")
                .as("alice")
                .json("{\"name\":\"Groceries\"}")
                .send()
                .map()
                .get("id");
    api.call("PUT", "/api/v1/lists/" + list + "/members/bob")
        .as("alice")
        .json("{\"role\":\"editor\"}")
        .send();
  }

  private String create(String user, String title) {
    return (String)
        api.call("POST", "/api/v1/todos")
            .as(user)
            .json("{\"title\":\"" + title + "\",\"list_id\":\"" + list + "\"}")
            .send()
            .map()
            .get("id");
  }

  private List<Map<String, Object>> events(String path, String user, String... roles) {
    var reply = api.get(path).as(user, roles).send();
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return (List<Map<String, Object>>) reply.map().get("data");
  }

  @Test
  void everyChangeShowsInTheListsFeedNewestFirstWithItsActorAndChanges() {
    var milk = create("bob", "Milk");
    var reply =
        api.call("PATCH", "/api/v1/todos/" + milk)
            .as("alice")
            .header("X-Request-ID", "req-complete-1")
            .json("{\"completed\":true}")
            .send();
    assertThat(reply.status()).isEqualTo(200);

    var feed = events("/api/v1/lists/" + list + "/activity", "bob");

    assertThat(feed)
        .extracting(e -> e.get("action"))
        .containsExactly("todo.completed", "todo.created", "member.added", "list.created");
    var completed = feed.getFirst();
    assertThat(completed)
        .containsEntry("list_id", list)
        .containsEntry("todo_id", milk)
        .containsEntry("request_id", "req-complete-1")
        .containsEntry("changes", Map.of("completed", List.of(false, true)));
    assertThat((Map<String, Object>) completed.get("actor")).containsEntry("id", "alice");
    assertThat((Map<String, Object>) feed.get(1).get("changes"))
        .containsEntry("title", java.util.Arrays.asList(null, "Milk"));
  }

  @Test
  void theFeedPagesWithNextAndRefusesBadParameters() {
    for (int i = 0; i < 5; i++) {
      create("alice", "t" + i);
    }
    var first = api.get("/api/v1/lists/" + list + "/activity?limit=3").as("alice").send().map();
    var page1 = (List<Map<String, Object>>) first.get("data");
    assertThat(page1).hasSize(3);
    assertThat(first.get("next")).isEqualTo(page1.getLast().get("id"));

    var second =
        api.get("/api/v1/lists/" + list + "/activity?limit=3&before=" + first.get("next"))
            .as("alice")
            .send()
            .map();
    assertThat((List<?>) second.get("data")).hasSize(3);
    var third =
        api.get("/api/v1/lists/" + list + "/activity?limit=3&before=" + second.get("next"))
            .as("alice")
            .send()
            .map();
    assertThat((List<?>) third.get("data")).hasSize(1);
    assertThat(third.get("next")).isNull();

    for (var bad : List.of("limit=0", "limit=101", "limit=x", "before=nope")) {
      assertThat(
              api.get("/api/v1/lists/" + list + "/activity?" + bad).as("alice").send().errorCode())
          .as(bad)
          .isEqualTo("MALFORMED_REQUEST");
    }
  }

  @Test
  void onlyMembersReadTheFeed() {
    assertThat(api.get("/api/v1/lists/" + list + "/activity").as("carol").send().errorCode())
        .isEqualTo("LIST_NOT_FOUND");
    assertThat(api.get("/api/v1/lists/nope/activity").as("alice").send().errorCode())
        .isEqualTo("LIST_NOT_FOUND");
  }

  @Test
  void theAuditLogIsForAdminsWithFilters() {
    create("bob", "Milk");
    create("alice", "Eggs");

    assertThat(api.get("/api/v1/admin/audit").as("alice").send().errorCode())
        .isEqualTo("FORBIDDEN");
    assertThat(events("/api/v1/admin/audit?actor=bob", "root", "admin"))
        .extracting(e -> e.get("action"))
        .containsExactly("todo.created");
    assertThat(events("/api/v1/admin/audit?action=list.created", "root", "admin")).hasSize(1);
    assertThat(events("/api/v1/admin/audit?list_id=" + list, "root", "admin")).hasSize(4);
    assertThat(
            events(
                "/api/v1/admin/audit?since=2026-01-15T10:30:00.124Z&until=2030-01-01T00:00:00Z",
                "root",
                "admin"))
        .isEmpty();
    assertThat(api.get("/api/v1/admin/audit?action=nope").as("root", "admin").send().errorCode())
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(
            api.get("/api/v1/admin/audit?since=yesterday").as("root", "admin").send().errorCode())
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(api.get("/api/v1/admin/audit?list_id=nope").as("root", "admin").send().errorCode())
        .isEqualTo("LIST_NOT_FOUND");
  }
}

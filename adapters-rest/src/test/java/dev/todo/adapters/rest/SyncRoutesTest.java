package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/sync} over HTTP, on the application's sync over the fakes. */
@MicronautTest
class SyncRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
  }

  @Test
  void aFullSyncThenWhatChangedSinceItsCursor() {
    var created = api.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"Milk\"}").send();
    String id = (String) created.map().get("id");

    var full = sync("alice", null, null);
    assertThat(full.keySet())
        .containsExactlyInAnyOrder("lists", "todos", "steps", "removed", "cursor", "has_more");
    assertThat(ids(full, "todos")).containsExactly(id);
    assertThat(full.get("lists")).asList().hasSize(1);
    assertThat(full.get("removed")).asList().isEmpty();
    assertThat(full.get("has_more")).isEqualTo(false);

    var nothing = sync("alice", (String) full.get("cursor"), null);
    assertThat(nothing.get("todos")).asList().isEmpty();
    assertThat(nothing.get("lists")).asList().isEmpty();

    api.call("PATCH", "/api/v1/todos/" + id).as("alice").json("{\"completed\":true}").send();
    var changed = sync("alice", (String) nothing.get("cursor"), null);
    assertThat(ids(changed, "todos")).containsExactly(id);
    assertThat(changed.get("lists")).as("its counters changed").asList().hasSize(1);

    api.call("DELETE", "/api/v1/todos/" + id).as("alice").send();
    var trashed = sync("alice", (String) changed.get("cursor"), null);
    assertThat(trashed.get("removed")).isEqualTo(List.of(Map.of("type", "todo", "id", id)));
    assertThat(trashed.get("todos")).asList().isEmpty();
  }

  @Test
  void pagesFollowTheCursorWhileThereIsMore() {
    for (int i = 0; i < 5; i++) {
      api.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"T" + i + "\"}").send();
    }
    var first = sync("alice", null, 2);
    assertThat(first.get("has_more")).isEqualTo(true);
    int entities = count(first);
    String cursor = (String) first.get("cursor");
    Map<String, Object> page = first;
    while ((Boolean) page.get("has_more")) {
      page = sync("alice", cursor, 2);
      entities += count(page);
      cursor = (String) page.get("cursor");
    }
    assertThat(entities).as("one list and five to-dos").isEqualTo(6);
  }

  @Test
  void anUnreadableOrExpiredCursorIsGone() {
    var reply = api.get("/api/v1/sync?cursor=nonsense").as("alice").send();
    assertThat(reply.status()).isEqualTo(410);
    assertThat(reply.errorCode()).isEqualTo("SYNC_CURSOR_EXPIRED");

    String cursor = (String) sync("alice", null, null).get("cursor");
    backend.clock.advance(Duration.ofDays(InMemoryBackend.SYNC_RETENTION_DAYS + 1));
    var old = api.get("/api/v1/sync?cursor=" + encode(cursor)).as("alice").send();
    assertThat(old.status()).isEqualTo(410);
    assertThat(old.errorCode()).isEqualTo("SYNC_CURSOR_EXPIRED");
  }

  @Test
  void aLimitOutOfRangeIsMalformedAndNoTokenIsRefused() {
    for (String limit : List.of("0", "1001", "x", "-1")) {
      var reply = api.get("/api/v1/sync?limit=" + limit).as("alice").send();
      assertThat(reply.status()).as(limit).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("MALFORMED_REQUEST");
    }
    assertThat(api.get("/api/v1/sync").send().status()).isEqualTo(403);
  }

  private Map<String, Object> sync(String user, String cursor, Integer limit) {
    var query = new StringBuilder("/api/v1/sync?");
    if (cursor != null) {
      query.append("cursor=").append(encode(cursor)).append('&');
    }
    if (limit != null) {
      query.append("limit=").append(limit);
    }
    var reply = api.get(query.toString()).as(user).send();
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.map();
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> page, String kind) {
    return ((List<Map<String, Object>>) page.get(kind))
        .stream().map(entity -> (String) entity.get("id")).toList();
  }

  @SuppressWarnings("unchecked")
  private static int count(Map<String, Object> page) {
    return List.of("lists", "todos", "steps").stream()
        .mapToInt(kind -> ((List<Object>) page.get(kind)).size())
        .sum();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code If-None-Match} on the reads of one to-do and one list: a match is 304, no body. */
@MicronautTest
class ConditionalReadsTest {

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
  void aTodoReadWithItsCurrentTagIsNotModified() {
    var created = api.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"Milk\"}").send();
    var path = "/api/v1/todos/" + created.map().get("id");

    for (var tag : List.of("\"1\"", "W/\"1\"", "*", "\"7\", \"1\"")) {
      var reply = api.get(path).as("alice").header("If-None-Match", tag).send();
      assertThat(reply.status()).as(tag).isEqualTo(304);
      assertThat(reply.header("ETag")).isEqualTo("\"1\"");
      assertThat(reply.body()).isEmpty();
    }

    api.call("PATCH", path).as("alice").json("{\"completed\":true}").send();
    var changed = api.get(path).as("alice").header("If-None-Match", "\"1\"").send();
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).isEqualTo("\"2\"");
    assertThat(changed.map()).containsEntry("completed", true);
  }

  @Test
  void theChecksComeFirstAndAnUnknownTagReadsTheResource() {
    var created = api.call("POST", "/api/v1/todos").as("alice").json("{\"title\":\"Milk\"}").send();
    var path = "/api/v1/todos/" + created.map().get("id");

    assertThat(api.get(path).as("bob").header("If-None-Match", "*").send().errorCode())
        .isEqualTo("TODO_NOT_FOUND");
    assertThat(api.get(path).as("alice").header("If-None-Match", "\"x\"").send().status())
        .isEqualTo(200);
  }

  @Test
  void aListReadWithItsCurrentTagIsNotModified() {
    var list =
        api.call("POST", "/api/v1/lists").as("alice").json("{\"name\":\"Groceries\"}").send();
    var path = "/api/v1/lists/" + list.map().get("id");

    var reply = api.get(path).as("alice").header("If-None-Match", list.header("ETag")).send();

    assertThat(reply.status()).isEqualTo(304);
    assertThat(reply.header("ETag")).isEqualTo(list.header("ETag"));
    assertThat(reply.body()).isEmpty();
  }
}

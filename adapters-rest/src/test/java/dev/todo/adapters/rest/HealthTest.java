package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public health route over the real use case and the domain's switchable probes. A probe only
 * goes down, so every test here gets a context of its own.
 */
@MicronautTest(rebuildContext = true)
class HealthTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(server.getURL(), json);
  }

  @Test
  void everyCheckUpIs200() {
    var reply = api.get("/api/v1/health").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map())
        .isEqualTo(
            Map.of(
                "status",
                "UP",
                "checks",
                Map.of("database", "UP", "storage", "UP"),
                "details",
                Map.of()));
  }

  @Test
  void aCheckDownIs503WithTheSameShape() {
    backend.storageProbe.goDown();

    var reply = api.get("/api/v1/health").send();

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.map())
        .isEqualTo(
            Map.of(
                "status",
                "DOWN",
                "checks",
                Map.of("database", "UP", "storage", "DOWN"),
                "details",
                Map.of()));
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void livenessAnswersUpWhileADependencyIsDown() {
    backend.storageProbe.goDown();
    backend.databaseProbe.goDown();

    var reply = api.get("/api/v1/health/live").send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map()).isEqualTo(Map.of("status", "UP"));
  }
}

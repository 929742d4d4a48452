package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service with a stand-in for Litestream that is killed while the service writes, and
 * cannot start again until the test lets it: writes stop (503), health reports replication down,
 * and once the stand-in starts again, both come back.
 */
class ReplicationSupervisionSystemTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path directory;

  @Test
  void aReplicationThatDiesStopsWritesReportsDownAndIsRestarted() throws Exception {
    Path broken = directory.resolve("broken");
    var litestream =
        StandInLitestream.in(
            directory,
            "if [ -f \"%s\" ]; then echo 'level=ERROR msg=\"cannot start\"'; exit 4; fi"
                .formatted(broken),
            "");
    EmbeddedServer server =
        ServiceOnRandomPort.start(
            directory,
            Map.of(
                "todo.replication.litestream-config",
                "/etc/litestream.yml",
                "todo.replication.litestream-binary",
                litestream.script().toString()));
    var http = new SystemTestClient(server);
    try {
      assertThat(http.post("/api/v1/todos", "{\"title\":\"replicated\"}").statusCode())
          .isEqualTo(201);
      assertThat(http.get("/api/v1/health").body()).contains("\"replication\":\"UP\"");

      Files.createFile(broken);
      ProcessHandle.of(litestream.lastPid()).orElseThrow().destroyForcibly();

      HttpResponse<String> down = awaitHealth(http, response -> response.statusCode() == 503);
      assertThat(down.body()).contains("\"replication\":\"DOWN\"");
      HttpResponse<String> refused = http.post("/api/v1/todos", "{\"title\":\"unreplicated\"}");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();

      Files.delete(broken);
      HttpResponse<String> up = awaitHealth(http, response -> response.statusCode() == 200);
      assertThat(up.body())
          .contains("\"replication\":\"UP\"")
          .containsPattern("\"restarts\":[1-9]");
      assertThat(http.post("/api/v1/todos", "{\"title\":\"replicated again\"}").statusCode())
          .isEqualTo(201);
      assertThat(http.get("/api/v1/todos").body()).doesNotContain("unreplicated");
    } finally {
      server.close();
    }
    assertThat(litestream.lines()).last().isEqualTo("final sync");
  }

  private static HttpResponse<String> awaitHealth(
      SystemTestClient http, Predicate<HttpResponse<String>> wanted) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      HttpResponse<String> response = http.get("/api/v1/health");
      if (wanted.test(response)) {
        return response;
      }
      assertThat(Instant.now()).as("health changes; last: %s", response.body()).isBefore(deadline);
      Thread.sleep(20);
    }
  }
}

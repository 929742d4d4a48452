package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled service on a random port, seen over a socket by a plain HTTP client. */
class HealthSystemTest {

  @TempDir static Path directory;
  private static EmbeddedServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = ServiceOnRandomPort.start(directory, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthReportsTheDatabaseAndTheStorageUp() throws Exception {
    var response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/health")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"status\":\"UP\",\"checks\":{\"database\":\"UP\",\"storage\":\"UP\"},"
                + "\"details\":{}}");
  }
}

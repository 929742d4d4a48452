package dev.todo.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests to one running instance as the user {@code lease-tester}, over a plain socket. */
final class SystemTestClient {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;

  /** For {@code server} as it runs now (its URL is asked once, while it listens). */
  SystemTestClient(EmbeddedServer server) {
    this.base = server.getURL().toString();
  }

  HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return CLIENT.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(java.time.Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + bearer());
  }

  private static String bearer() {
    var encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + encoder.encodeToString("{\"sub\":\"lease-tester\"}".getBytes(StandardCharsets.UTF_8))
        + ".";
  }
}

package dev.todo.bootstrap.system;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.todo.bootstrap.ServiceOnRandomPort;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The assembled service on a random port with its own SQLite file, driven over a socket. */
final class RunningService implements AutoCloseable {

  private final EmbeddedServer server;
  private final JsonMapper json;
  private final HttpClient client = HttpClient.newHttpClient();

  RunningService(Path directory, Map<String, Object> settings) {
    server = ServiceOnRandomPort.start(directory, settings);
    json = server.getApplicationContext().getBean(JsonMapper.class);
  }

  static String token(String subject, String... roles) {
    var claims = new JWTClaimsSet.Builder().subject(subject);
    if (roles.length > 0) {
      claims.claim("roles", List.of(roles));
    }
    return new PlainJWT(claims.build()).serialize();
  }

  Call call(String method, String path) {
    return new Call(method, path);
  }

  @Override
  public void close() {
    server.close();
  }

  /** One request being built. */
  final class Call {
    private final HttpRequest.Builder builder;
    private final String method;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Call(String method, String path) {
      this.method = method;
      this.builder = HttpRequest.newBuilder(URI.create(server.getURL() + path));
    }

    Call as(String subject, String... roles) {
      return header("Authorization", "Bearer " + token(subject, roles));
    }

    Call header(String name, String value) {
      builder.header(name, value);
      return this;
    }

    Call json(String text) {
      builder.header("Content-Type", "application/json");
      body = HttpRequest.BodyPublishers.ofString(text);
      return this;
    }

    Call body(String contentType, String text) {
      builder.header("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofString(text);
      return this;
    }

    Reply send() {
      try {
        var response =
            client.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** An answer, with its JSON body parsed on demand. */
  final class Reply {
    final HttpResponse<String> response;

    Reply(HttpResponse<String> response) {
      this.response = response;
    }

    int status() {
      return response.statusCode();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    String text() {
      return response.body();
    }

    JsonNode body() {
      try {
        return json.readValue(response.body(), JsonNode.class);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + response.body(), e);
      }
    }

    String errorCode() {
      return body().get("error").get("code").getStringValue();
    }

    @Override
    public String toString() {
      return response.statusCode() + " " + response.body();
    }
  }
}

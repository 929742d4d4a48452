package dev.todo.adapters.rest;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client over a socket, with the few conveniences the REST tests need. */
final class Api {

  /**
   * A client of this server only. One client shared by every test class kept connections to servers
   * already stopped, and a later server on the same random port got a POST sent on such a dead
   * connection ("header parser received no bytes"; the JDK client retries only idempotent
   * requests).
   */
  private final HttpClient client = HttpClient.newHttpClient();

  private final URL base;
  private final JsonMapper json;

  Api(URL base, JsonMapper json) {
    this.base = base;
    this.json = json;
  }

  Call call(String method, String path) {
    return new Call(method, path);
  }

  Call get(String path) {
    return call("GET", path);
  }

  final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Call as(String subject, String... roles) {
      return header("Authorization", Tokens.bearer(subject, roles));
    }

    Call json(String body) {
      return body(body, "application/json");
    }

    Call body(String body, String contentType) {
      return body(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** The body exactly as given, valid UTF-8 or not. */
    Call body(byte[] body, String contentType) {
      this.body = body;
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      return this;
    }

    Reply send() {
      return new Reply(exchange(HttpResponse.BodyHandlers.ofString()), json);
    }

    /** The response with its body as bytes (a zip, a file). */
    HttpResponse<byte[]> download() {
      return exchange(HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> exchange(HttpResponse.BodyHandler<T> handler) {
      var builder =
          HttpRequest.newBuilder(URI.create(base.toString() + path))
              .method(
                  method,
                  body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
      headers.forEach(builder::header);
      try {
        return client.send(builder.build(), handler);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  record Reply(HttpResponse<String> response, JsonMapper json) {

    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map() {
      try {
        return json.readValue(response.body(), Map.class);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + response.body(), e);
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) map().get("error");
    }

    String errorCode() {
      var error = error();
      return error == null ? null : (String) error.get("code");
    }
  }
}

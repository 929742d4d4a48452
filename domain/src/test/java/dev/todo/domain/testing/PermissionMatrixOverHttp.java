package dev.todo.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.PermissionMatrix.Cell;
import dev.todo.domain.testing.PermissionMatrix.Request;
import dev.todo.domain.testing.PermissionMatrix.Who;
import dev.todo.domain.testing.PermissionMatrixState.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@link PermissionMatrix} over HTTP, against a service at {@code base}: the state built as
 * clients build it (their requests, with unsigned tokens: the service does not check signatures),
 * then each cell's request sent and its answer checked. The REST adapter runs it on the fakes, the
 * system tests on SQLite. Plain {@code java.net.http}, so that both can share it.
 */
public final class PermissionMatrixOverHttp implements PermissionMatrixState.World {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

  private final String base;

  /** {@code base}: the server's address, without a trailing slash. */
  public PermissionMatrixOverHttp(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Sends the cell's request on the state {@code ids} and checks the answer against the table. */
  public void check(Cell cell, Ids ids) {
    Request request = cell.operation().request;
    var reply =
        send(
            request.method(),
            ids.render(request.path(), cell.who()),
            token(cell.who().subject, null, cell.who().roles),
            request.contentType(),
            request.body() == null ? null : ids.render(request.body(), cell.who()));

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(cell.answer().status());
    if (!cell.answer().succeeds()) {
      var code = CODE.matcher(reply.body());
      assertThat(code.find()).as(reply.body()).isTrue();
      assertThat(code.group(1)).as(reply.body()).isEqualTo(cell.answer().code());
    }
    if (cell.operation() == PermissionMatrix.Operation.DOWNLOAD_ATTACHMENT
        && cell.answer().succeeds()) {
      assertThat(reply.body()).isEqualTo(PermissionMatrix.UPLOADED_TEXT);
    }
  }

  /** An unsigned JWT: {@code {"alg":"none"}}, the claims, an empty signature. */
  public static String token(String subject, String email, List<String> roles) {
    var claims = new StringBuilder("{\"sub\":\"").append(subject).append('"');
    if (email != null) {
      claims.append(",\"email\":\"").append(email).append('"');
    }
    if (!roles.isEmpty()) {
      claims
          .append(",\"roles\":[")
          .append(roles.stream().map(r -> '"' + r + '"').collect(Collectors.joining(",")))
          .append(']');
    }
    claims.append('}');
    return base64("{\"alg\":\"none\"}") + "." + base64(claims.toString()) + ".";
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A request to {@code /api/v1} + {@code path}; no body when {@code body} is null. */
  public HttpResponse<String> send(
      String method, String path, String token, String contentType, String body) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + "/api/v1" + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> expect(int status, HttpResponse<String> reply) {
    if (reply.statusCode() != status) {
      throw new AssertionError(
          "Building the state: "
              + reply.request().method()
              + " "
              + reply.uri()
              + ": "
              + reply.statusCode()
              + " "
              + reply.body());
    }
    return reply;
  }

  /** The id at the end of the answer's {@code Location}. */
  private static String created(HttpResponse<String> reply) {
    String location = reply.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String as(String subject) {
    return token(subject, null, roles(subject));
  }

  /** The roles the table gives that user (none for the users outside it). */
  private static List<String> roles(String subject) {
    for (var who : Who.values()) {
      if (who.subject.equals(subject)) {
        return who.roles;
      }
    }
    return List.of();
  }

  @Override
  public void know(String subject, String email) {
    expect(200, send("GET", "/lists", token(subject, email, roles(subject)), null, null));
  }

  @Override
  public String createList(String owner, String name) {
    return created(
        expect(
            201,
            send("POST", "/lists", as(owner), "application/json", "{\"name\":\"" + name + "\"}")));
  }

  @Override
  public void addMember(String owner, String list, String user, String role) {
    expect(
        201,
        send(
            "PUT",
            "/lists/" + list + "/members/" + user,
            as(owner),
            "application/json",
            "{\"role\":\"" + role + "\"}"));
  }

  @Override
  public void removeMember(String owner, String list, String user) {
    expect(204, send("DELETE", "/lists/" + list + "/members/" + user, as(owner), null, null));
  }

  @Override
  public String createTodo(String user, String list, String title) {
    return created(
        expect(
            201,
            send(
                "POST",
                "/todos",
                as(user),
                "application/json",
                "{\"title\":\"" + title + "\",\"list_id\":\"" + list + "\"}")));
  }

  @Override
  public String attach(String user, String todo) {
    Request upload = PermissionMatrix.Operation.UPLOAD_ATTACHMENT.request;
    return created(
        expect(
            201,
            send(
                "POST",
                "/todos/" + todo + "/attachments",
                as(user),
                upload.contentType(),
                upload.body())));
  }

  @Override
  public String addStep(String user, String todo, String title) {
    return created(
        expect(
            201,
            send(
                "POST",
                "/todos/" + todo + "/steps",
                as(user),
                "application/json",
                "{\"title\":\"" + title + "\"}")));
  }

  @Override
  public void trash(String user, String todo) {
    expect(204, send("DELETE", "/todos/" + todo, as(user), null, null));
  }
}

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.todo.TodoId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every attachment route and error over a real socket, the use cases replaced by a fake. */
@MicronautTest
@SuppressWarnings("unchecked")
class AttachmentRoutesTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject FakeAttachments attachments;
  TodoId todo;

  @BeforeEach
  void setUp() {
    attachments.reset();
    todo = attachments.todoOf("alice");
  }

  private String base() {
    return "/api/v1/todos/" + todo + "/attachments";
  }

  private HttpResponse<byte[]> send(
      String method, String path, String token, String contentType, byte[] body, String... headers)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (token != null) {
      builder.header("Authorization", token);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> upload(String subject, String filename, String type, byte[] content)
      throws Exception {
    return send(
        "POST",
        base(),
        Tokens.bearer(subject),
        Multipart.CONTENT_TYPE,
        new Multipart().file("file", filename, type, content).bytes());
  }

  private HttpResponse<byte[]> get(String path, String subject, String... headers)
      throws Exception {
    return send("GET", path, Tokens.bearer(subject), null, null, headers);
  }

  private Map<String, Object> map(HttpResponse<byte[]> response) throws IOException {
    return json.readValue(response.body(), Map.class);
  }

  private String errorCode(HttpResponse<byte[]> response) throws IOException {
    return (String) ((Map<String, Object>) map(response).get("error")).get("code");
  }

  private static byte[] binary(int size) {
    var bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (255 - i % 256);
    }
    return bytes;
  }

  @Test
  void uploadAnswers201WithLocationAndEveryField() throws Exception {
    var reply = upload("alice", "dir/reçu.pdf", "application/pdf", binary(300));

    assertThat(reply.statusCode()).isEqualTo(201);
    var body = map(reply);
    assertThat(reply.headers().firstValue("Location")).contains(base() + "/" + body.get("id"));
    assertThat(body)
        .containsOnlyKeys(
            "id", "todo_id", "filename", "content_type", "size_bytes", "sha256", "created_at")
        .containsEntry("todo_id", todo.toString())
        .containsEntry("filename", "reçu.pdf")
        .containsEntry("content_type", "application/pdf")
        .containsEntry("size_bytes", 300)
        .containsEntry("created_at", "2026-01-15T10:30:00.000Z");
    assertThat((String) body.get("sha256")).hasSize(64);
  }

  @Test
  void thePartsFilenameAndTypeReachTheUseCaseAsSent() throws Exception {
    upload("alice", "../../etc/passwd", null, new byte[] {1});

    assertThat(attachments.lastFile.filename()).isEqualTo("../../etc/passwd");
  }

  @Test
  void anEmptyFileIsAccepted() throws Exception {
    var reply = upload("alice", "empty.txt", "text/plain", new byte[0]);

    assertThat(reply.statusCode()).isEqualTo(201);
    assertThat(map(reply)).containsEntry("size_bytes", 0);
  }

  @Test
  void aMissingFilePartIs400ValidationError() throws Exception {
    var reply =
        send(
            "POST",
            base(),
            Tokens.bearer("alice"),
            Multipart.CONTENT_TYPE,
            new Multipart().file("other", "a.txt", "text/plain", new byte[] {1}).bytes());

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(errorCode(reply)).isEqualTo("VALIDATION_ERROR");
    assertThat((Map<String, Object>) ((Map<String, Object>) map(reply).get("error")).get("details"))
        .containsKey("file");
  }

  @Test
  void theDispositionEscapesWhatAQuotedStringCannotHold() {
    assertThat(ContentDisposition.attachment("a\"b\\c;d.txt"))
        .isEqualTo("attachment; filename=\"a_b_c;d.txt\"; filename*=UTF-8''a%22b%5Cc%3Bd.txt");
  }

  @Test
  void aBodyThatIsNotMultipartIs415() throws Exception {
    var reply =
        send(
            "POST",
            base(),
            Tokens.bearer("alice"),
            "application/json",
            "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(reply.statusCode()).isEqualTo(415);
    assertThat(errorCode(reply)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void overTheLimitIs413AndExactlyTheLimitPasses() throws Exception {
    assertThat(upload("alice", "a", null, binary(FakeAttachments.MAX_BYTES)).statusCode())
        .isEqualTo(201);

    var reply = upload("alice", "b", null, binary(FakeAttachments.MAX_BYTES + 1));

    assertThat(reply.statusCode()).isEqualTo(413);
    assertThat(errorCode(reply)).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void oneMoreThanTheMaximumPerTodoIs400() throws Exception {
    for (int i = 0; i < FakeAttachments.MAX_PER_TODO; i++) {
      upload("alice", "f" + i, null, new byte[] {1});
    }

    var reply = upload("alice", "one-too-many", null, new byte[] {1});

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(errorCode(reply)).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void aStoreOutageIs503WithRetryAfter() throws Exception {
    attachments.storeDown = true;

    var reply = upload("alice", "a", null, new byte[] {1});

    assertThat(reply.statusCode()).isEqualTo(503);
    assertThat(errorCode(reply)).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(reply.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void anotherUsersTodoMalformedIdsAndUnknownAttachmentsAre404() throws Exception {
    var id = (String) map(upload("alice", "a", null, new byte[] {1})).get("id");

    assertThat(errorCode(upload("bob", "a", null, new byte[] {1}))).isEqualTo("TODO_NOT_FOUND");
    assertThat(errorCode(get(base(), "bob"))).isEqualTo("TODO_NOT_FOUND");
    assertThat(errorCode(get(base() + "/" + id, "bob"))).isEqualTo("TODO_NOT_FOUND");
    assertThat(errorCode(get(base() + "/" + id + "/content", "bob"))).isEqualTo("TODO_NOT_FOUND");
    assertThat(errorCode(get("/api/v1/todos/not-a-uuid/attachments", "alice")))
        .isEqualTo("TODO_NOT_FOUND");
    var missing = get(base() + "/" + TodoId.random(), "alice");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(errorCode(missing)).isEqualTo("ATTACHMENT_NOT_FOUND");
    assertThat(errorCode(get(base() + "/nonsense/content", "alice")))
        .isEqualTo("ATTACHMENT_NOT_FOUND");
  }

  @Test
  void readonlyMayReadButNotWriteAndNoTokenIs403() throws Exception {
    var id = (String) map(upload("alice", "a", null, new byte[] {1})).get("id");

    var readonly =
        send(
            "POST",
            base(),
            Tokens.bearer("alice", "readonly"),
            Multipart.CONTENT_TYPE,
            new Multipart().file("file", "a", null, new byte[] {1}).bytes());
    assertThat(readonly.statusCode()).isEqualTo(403);
    assertThat(errorCode(readonly)).isEqualTo("FORBIDDEN");
    assertThat(get(base(), "alice", new String[0]).statusCode()).isEqualTo(200);
    var delete = send("DELETE", base() + "/" + id, Tokens.bearer("alice", "readonly"), null, null);
    assertThat(delete.statusCode()).isEqualTo(403);
    var anonymous = send("GET", base(), null, null, null);
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(errorCode(anonymous)).isEqualTo("AUTHENTICATION_REQUIRED");
  }

  @Test
  void listsAndReadsMetadata() throws Exception {
    var first = map(upload("alice", "a.txt", "text/plain", new byte[] {1}));
    var second = map(upload("alice", "b.txt", "text/plain", new byte[] {2}));

    var list = get(base(), "alice");
    var one = get(base() + "/" + first.get("id"), "alice");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat((List<Map<String, Object>>) map(list).get("data"))
        .extracting(m -> m.get("id"))
        .containsExactlyInAnyOrder(first.get("id"), second.get("id"));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(map(one)).isEqualTo(first);
  }

  @Test
  void downloadStreamsTheBytesWithTheContractsHeaders() throws Exception {
    byte[] content = binary(700);
    var id =
        (String)
            map(upload("alice", "Ünïcødé report.bin", "application/x-thing", content)).get("id");

    var reply = get(base() + "/" + id + "/content", "alice");

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(content);
    assertThat(reply.headers().firstValue("Content-Type")).contains("application/x-thing");
    assertThat(reply.headers().firstValue("Content-Length")).contains("700");
    assertThat(reply.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(reply.headers().firstValue("Accept-Ranges")).contains("bytes");
    assertThat(reply.headers().firstValue("Content-Disposition"))
        .contains(
            "attachment; filename=\"_n_c_d_ report.bin\"; "
                + "filename*=UTF-8''%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20report.bin");
    assertThat(reply.headers().firstValue("X-Request-ID")).isPresent();
  }

  @Test
  void aRangeRequestAnswers206WithContentRange() throws Exception {
    byte[] content = binary(700);
    var id = (String) map(upload("alice", "a.bin", null, content)).get("id");

    var reply = get(base() + "/" + id + "/content", "alice", "Range", "bytes=100-199");
    var open = get(base() + "/" + id + "/content", "alice", "Range", "bytes=650-");
    var ignored = get(base() + "/" + id + "/content", "alice", "Range", "bytes=1-2,5-6");

    assertThat(reply.statusCode()).isEqualTo(206);
    assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
    assertThat(reply.headers().firstValue("Content-Range")).contains("bytes 100-199/700");
    assertThat(reply.headers().firstValue("Content-Length")).contains("100");
    assertThat(open.statusCode()).isEqualTo(206);
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, 650, 700));
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).isEqualTo(content);
  }

  @Test
  void deleteAnswers204AndTheAttachmentIsGone() throws Exception {
    var id = (String) map(upload("alice", "a", null, new byte[] {1})).get("id");

    var reply = send("DELETE", base() + "/" + id, Tokens.bearer("alice"), null, null);

    assertThat(reply.statusCode()).isEqualTo(204);
    assertThat(errorCode(get(base() + "/" + id, "alice"))).isEqualTo("ATTACHMENT_NOT_FOUND");
  }

  @Test
  void reconcileIsForAdminsAndTakesAGracePeriod() throws Exception {
    String path = "/api/v1/admin/attachments/reconcile";

    var forbidden = send("POST", path, Tokens.bearer("alice"), null, null);
    var ok = send("POST", path + "?grace_seconds=0", Tokens.bearer("root", "admin"), null, null);
    var bad =
        send("POST", path + "?grace_seconds=soon", Tokens.bearer("root", "admin"), null, null);

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(map(ok)).containsEntry("examined", 3).containsEntry("removed", List.of("todos/x/y"));
    assertThat(attachments.lastGrace).contains(java.time.Duration.ZERO);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(errorCode(bad)).isEqualTo("MALFORMED_REQUEST");
    assertThat(Optional.ofNullable(attachments.lastGrace)).isPresent();
  }
}

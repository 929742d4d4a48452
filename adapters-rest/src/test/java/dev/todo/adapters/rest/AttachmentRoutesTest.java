package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.todo.TodoId;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every attachment route and error over a real socket, driving the real use cases. */
@MicronautTest
@Property(name = "todo.attachments.max-bytes", value = "1000")
@Property(name = "todo.attachments.max-per-todo", value = "2")
@SuppressWarnings("unchecked")
class AttachmentRoutesTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  TodoId todo;

  @BeforeEach
  void setUp() {
    backend.reset();
    todo = backend.todo("alice", "with files").id();
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
    byte[] content = binary(300);
    var reply = upload("alice", "dir/reçu.pdf", "application/pdf", content);

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
        .containsEntry("created_at", "2026-01-15T10:30:00.123Z")
        .containsEntry(
            "sha256",
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
  }

  @Test
  void theFilenameIsForDisplayOnlyAndAPartWithoutTypeIsOctetStream() throws Exception {
    var body = map(upload("alice", "../../etc/passwd", null, new byte[] {1}));

    assertThat(body)
        .containsEntry("filename", "passwd")
        .containsEntry("content_type", "application/octet-stream");
    assertThat(backend.blobs.names()).containsExactly("todos/" + todo + "/" + body.get("id"));
  }

  @Test
  void anAttachmentCountsOnItsTodoWithoutChangingItsVersion() throws Exception {
    var id = (String) map(upload("alice", "a", null, new byte[] {1})).get("id");
    var withOne = map(get("/api/v1/todos/" + todo, "alice"));
    send("DELETE", base() + "/" + id, Tokens.bearer("alice"), null, null);
    var withNone = map(get("/api/v1/todos/" + todo, "alice"));

    assertThat(withOne).containsEntry("attachment_count", 1).containsEntry("version", 1);
    assertThat(withNone).containsEntry("attachment_count", 0).containsEntry("version", 1);
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

  private static final String B = Multipart.BOUNDARY;
  private static final String FILE =
      "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"";

  /** One part as it travels: boundary line, header lines, empty line, content, line end. */
  private static String part(String headers, String content) {
    return "--" + B + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
  }

  private static final String END = "--" + B + "--\r\n";

  private HttpResponse<byte[]> uploadRaw(String contentType, String body) throws Exception {
    return send(
        "POST", base(), Tokens.bearer("alice"), contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Each file on a to-do of its own (the limit here is two files per to-do). */
  private Map<String, Object> uploadedAlone(String body) throws Exception {
    todo = backend.todo("alice", "one file").id();
    var reply = uploadRaw(Multipart.CONTENT_TYPE, body);
    assertThat(reply.statusCode())
        .as(new String(reply.body(), StandardCharsets.UTF_8))
        .isEqualTo(201);
    return map(reply);
  }

  static Stream<Arguments> malformedBodies() {
    String type = Multipart.CONTENT_TYPE;
    return Stream.of(
        Arguments.of("no closing boundary", type, part(FILE, "abc")),
        Arguments.of("cut inside the content", type, "--" + B + "\r\n" + FILE + "\r\n\r\nab"),
        Arguments.of("cut after a delimiter", type, part(FILE, "abc") + "--" + B),
        Arguments.of("cut inside the part headers", type, "--" + B + "\r\n" + FILE + "\r\n"),
        Arguments.of(
            "a part without a name",
            type,
            part("Content-Disposition: form-data; filename=\"a\"", "abc") + END),
        Arguments.of(
            "a part without Content-Disposition",
            type,
            part("Content-Type: text/plain", "abc") + END),
        Arguments.of(
            "a disposition other than form-data",
            type,
            part("Content-Disposition: attachment; name=\"file\"; filename=\"a\"", "abc") + END),
        Arguments.of(
            "Content-Transfer-Encoding base64",
            type,
            part(FILE + "\r\nContent-Transfer-Encoding: base64", "YWJj") + END),
        Arguments.of(
            "Content-Transfer-Encoding quoted-printable",
            type,
            part(FILE + "\r\nContent-Transfer-Encoding: quoted-printable", "abc") + END),
        Arguments.of(
            "a filename* that is not RFC 8187",
            type,
            part("Content-Disposition: form-data; name=\"file\"; filename*=a.txt", "abc") + END),
        Arguments.of(
            "a filename* in an unknown charset",
            type,
            part("Content-Disposition: form-data; name=\"file\"; filename*=utf-7''a.txt", "abc")
                + END),
        Arguments.of(
            "an unterminated quoted filename",
            type,
            part("Content-Disposition: form-data; name=\"file\"; filename=\"a.txt", "abc") + END),
        Arguments.of(
            "a control character in a part header",
            type,
            part(FILE.replace("a.txt", "a\u0001.txt"), "abc") + END),
        Arguments.of(
            "a boundary line with more on it",
            type,
            "--" + B + "x\r\n" + FILE + "\r\n\r\nabc\r\n" + END),
        Arguments.of(
            "a broken part after the file",
            type,
            part(FILE, "abc") + part("Content-Type: text/plain", "x") + END),
        Arguments.of(
            "no closing boundary after a later part",
            type,
            part(FILE, "abc") + part("Content-Disposition: form-data; name=\"x\"", "y")),
        Arguments.of("no boundary line at all", type, "just text"),
        Arguments.of("an empty body", type, ""),
        Arguments.of("no boundary parameter", "multipart/form-data", part(FILE, "abc") + END),
        Arguments.of(
            "a boundary of 71 characters",
            "multipart/form-data; boundary=" + "b".repeat(71),
            "--" + "b".repeat(71) + "\r\n" + FILE + "\r\n\r\nabc\r\n--" + "b".repeat(71) + "--"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void aMalformedMultipartBodyIs400AndStoresNothing(String what, String type, String body)
      throws Exception {
    var reply = uploadRaw(type, body);

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(errorCode(reply)).isEqualTo("MALFORMED_REQUEST");
    assertThat(new String(reply.body(), StandardCharsets.UTF_8))
        .doesNotContain("Exception", "netty", "io.micronaut");
    assertThat((List<?>) map(get(base(), "alice")).get("data")).isEmpty();
    assertThat(backend.blobs.names()).isEmpty();
  }

  @Test
  void aPlainFieldNamedFileIs400ValidationErrorOnFile() throws Exception {
    // what curl -F 'file=abc' sends: a text field, no filename
    var reply =
        uploadRaw(
            Multipart.CONTENT_TYPE,
            part("Content-Disposition: form-data; name=\"file\"", "abc") + END);

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(errorCode(reply)).isEqualTo("VALIDATION_ERROR");
    assertThat((Map<String, Object>) ((Map<String, Object>) map(reply).get("error")).get("details"))
        .containsKey("file");
    assertThat(backend.blobs.names()).isEmpty();
  }

  @Test
  void aPartsCharsetAndAnIdentityTransferEncodingAreTheFilesOwnBusiness() throws Exception {
    String text = FILE + "\r\nContent-Type: text/plain; charset=";

    assertThat(uploadedAlone(part(text + "utf-7", "a") + END))
        .containsEntry("content_type", "text/plain; charset=utf-7");
    assertThat(uploadedAlone(part(text + "nope", "a") + END))
        .containsEntry("content_type", "text/plain; charset=nope");
    assertThat(uploadedAlone(part(text, "a") + END))
        .containsEntry("content_type", "application/octet-stream");
    assertThat(uploadedAlone(part(FILE + "\r\nContent-Transfer-Encoding: BINARY", "a") + END))
        .containsEntry("size_bytes", 1);
  }

  @Test
  void anUploadWithoutContentTypeIs415AfterTheTodoChecks() throws Exception {
    byte[] body = new Multipart().file("file", "a.txt", null, new byte[] {1}).bytes();

    var reply = send("POST", base(), Tokens.bearer("alice"), null, body);
    var othersTodo = send("POST", base(), Tokens.bearer("bob"), null, body);

    assertThat(reply.statusCode()).isEqualTo(415);
    assertThat(errorCode(reply)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(othersTodo.statusCode()).isEqualTo(404);
    assertThat(backend.blobs.names()).isEmpty();
  }

  @Test
  void aQuotedFilenameKeepsEveryCharacterAndTheDownloadEncodesIt() throws Exception {
    String disposition = "Content-Disposition: form-data; name=\"file\"; ";
    var plain = uploadedAlone(part(disposition + "filename=\"a=b;c,d.txt\"", "x") + END);
    var escaped = uploadedAlone(part(disposition + "filename=\"say \\\"hi\\\".txt\"", "x") + END);
    var extended =
        uploadedAlone(
            part(
                    disposition
                        + "filename=\"fallback\"; filename*=UTF-8''%C3%A9t%C3%A9%3D1%2C2.txt",
                    "x")
                + END);

    assertThat(plain).containsEntry("filename", "a=b;c,d.txt");
    assertThat(escaped).containsEntry("filename", "say \"hi\".txt");
    assertThat(extended).containsEntry("filename", "été=1,2.txt");
    assertThat(disposition(plain))
        .isEqualTo("attachment; filename=\"a=b;c,d.txt\"; filename*=UTF-8''a%3Db%3Bc%2Cd.txt");
    assertThat(disposition(escaped))
        .isEqualTo("attachment; filename=\"say _hi_.txt\"; filename*=UTF-8''say%20%22hi%22.txt");
    assertThat(disposition(extended))
        .isEqualTo(
            "attachment; filename=\"_t_=1,2.txt\"; filename*=UTF-8''%C3%A9t%C3%A9%3D1%2C2.txt");
  }

  private String disposition(Map<String, Object> attachment) throws Exception {
    String path =
        "/api/v1/todos/" + attachment.get("todo_id") + "/attachments/" + attachment.get("id");
    return get(path + "/content", "alice")
        .headers()
        .firstValue("Content-Disposition")
        .orElseThrow();
  }

  @Test
  void aRefusedUploadAnswersWithoutWaitingForTheRestOfALargeBody() throws Exception {
    // 8 MB, under the server's limit: refused before the body is read (404, 403), then discarded
    byte[] body = new byte[8_000_000];
    byte[] head = part(FILE, "").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, body, 0, head.length);
    for (String caller : List.of("bob", "alice")) {
      var request =
          HttpRequest.newBuilder(URI.create(server.getURL() + base()))
              .timeout(Duration.ofSeconds(20))
              .header("Authorization", Tokens.bearer(caller, "readonly"))
              .header("Content-Type", Multipart.CONTENT_TYPE)
              .POST(BodyPublishers.ofByteArray(body))
              .build();

      var reply = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());

      assertThat(reply.statusCode()).isEqualTo(caller.equals("bob") ? 404 : 403);
    }
    assertThat(backend.blobs.names()).isEmpty();
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
    int limit = (int) backend.limits.maxBytes();
    assertThat(limit).isEqualTo(1000);
    assertThat(upload("alice", "a", null, binary(limit)).statusCode()).isEqualTo(201);

    var reply = upload("alice", "b", null, binary(limit + 1));

    assertThat(reply.statusCode()).isEqualTo(413);
    assertThat(errorCode(reply)).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat((List<?>) map(get(base(), "alice")).get("data")).hasSize(1);
    assertThat(backend.blobs.names()).hasSize(1);
  }

  @Test
  void oneMoreThanTheMaximumPerTodoIs400() throws Exception {
    assertThat(backend.limits.maxPerTodo()).isEqualTo(2);
    for (int i = 0; i < backend.limits.maxPerTodo(); i++) {
      upload("alice", "f" + i, null, new byte[] {1});
    }

    var reply = upload("alice", "one-too-many", null, new byte[] {1});

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(errorCode(reply)).isEqualTo("VALIDATION_ERROR");
    assertThat((List<?>) map(get(base(), "alice")).get("data")).hasSize(2);
    assertThat(backend.blobs.names()).hasSize(2);
  }

  @Test
  void aStoreOutageIs503WithRetryAfter() throws Exception {
    var id = (String) map(upload("alice", "a", null, new byte[] {1})).get("id");
    backend.blobs.goDown();

    var reply = upload("alice", "b", null, new byte[] {1});
    var download = get(base() + "/" + id + "/content", "alice");

    assertThat(reply.statusCode()).isEqualTo(503);
    assertThat(errorCode(reply)).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(reply.headers().firstValue("Retry-After")).contains("5");
    assertThat(download.statusCode()).isEqualTo(503);
    assertThat(download.headers().firstValue("Retry-After")).contains("5");
    assertThat((List<?>) map(get(base(), "alice")).get("data")).hasSize(1);
  }

  @Test
  void deletingWhileTheStoreIsDownAnswersAndLeavesTheObjectToReconcile() throws Exception {
    var second = backend.todo("alice", "also with a file").id();
    upload("alice", "a", null, new byte[] {1});
    send(
        "POST",
        "/api/v1/todos/" + second + "/attachments",
        Tokens.bearer("alice"),
        Multipart.CONTENT_TYPE,
        new Multipart().file("file", "b", null, new byte[] {2}).bytes());
    backend.blobs.goDown();

    var one = send("DELETE", "/api/v1/todos/" + todo, Tokens.bearer("alice"), null, null);
    var all = send("DELETE", "/api/v1/todos?status=all", Tokens.bearer("alice"), null, null);

    assertThat(one.statusCode()).isEqualTo(204);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(map(all)).isEqualTo(Map.of("deleted", 1));
    backend.blobs.comeBack();
    assertThat(backend.blobs.names()).hasSize(2);
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
  void theListIsOldestFirstWhateverTheIds() throws Exception {
    var older = stored("ffffffff-ffff-4fff-bfff-ffffffffffff", InMemoryBackend.START);
    var newer = stored("00000000-0000-4000-8000-000000000000", InMemoryBackend.START.plusMillis(1));

    var list = get(base(), "alice");

    assertThat((List<Map<String, Object>>) map(list).get("data"))
        .extracting(m -> m.get("id"))
        .containsExactly(older.id().toString(), newer.id().toString());
  }

  private Attachment stored(String id, Instant createdAt) {
    var attachment =
        new Attachment(
            new AttachmentId(UUID.fromString(id)),
            todo,
            "f.txt",
            "text/plain",
            0,
            "0".repeat(64),
            createdAt);
    backend.db.attachments.insert(attachment);
    return attachment;
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
    var suffix = get(base() + "/" + id + "/content", "alice", "Range", "bytes=-100");
    var ignored = get(base() + "/" + id + "/content", "alice", "Range", "bytes=1-2,5-6");
    var beyond = get(base() + "/" + id + "/content", "alice", "Range", "bytes=700-");

    assertThat(reply.statusCode()).isEqualTo(206);
    assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(content, 100, 200));
    assertThat(reply.headers().firstValue("Content-Range")).contains("bytes 100-199/700");
    assertThat(reply.headers().firstValue("Content-Length")).contains("100");
    assertThat(open.statusCode()).isEqualTo(206);
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, 650, 700));
    assertThat(suffix.statusCode()).isEqualTo(206);
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 600, 700));
    assertThat(suffix.headers().firstValue("Content-Range")).contains("bytes 600-699/700");
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).isEqualTo(content);
    assertThat(beyond.statusCode()).isEqualTo(200);
    assertThat(beyond.body()).isEqualTo(content);
  }

  @Test
  void deleteAnswers204AndTheAttachmentIsGone() throws Exception {
    var id = (String) map(upload("alice", "a", null, new byte[] {1})).get("id");

    var reply = send("DELETE", base() + "/" + id, Tokens.bearer("alice"), null, null);

    assertThat(reply.statusCode()).isEqualTo(204);
    assertThat(errorCode(get(base() + "/" + id, "alice"))).isEqualTo("ATTACHMENT_NOT_FOUND");
    assertThat(backend.blobs.names()).isEmpty();
  }

  @Test
  void theFilesOfATrashedTodoStayUntilItIsDeletedForGood() throws Exception {
    upload("alice", "a", null, new byte[] {1});
    upload("alice", "b", null, new byte[] {2});

    var reply = send("DELETE", "/api/v1/todos/" + todo, Tokens.bearer("alice"), null, null);

    assertThat(reply.statusCode()).isEqualTo(204);
    assertThat(backend.blobs.names()).hasSize(2);
    assertThat(errorCode(get(base(), "alice"))).isEqualTo("TODO_NOT_FOUND");

    var forGood = send("DELETE", "/api/v1/trash/" + todo, Tokens.bearer("alice"), null, null);

    assertThat(forGood.statusCode()).isEqualTo(204);
    assertThat(backend.blobs.names()).isEmpty();
  }

  @Test
  void reconcileIsForAdminsAndTakesAGracePeriod() throws Exception {
    String path = "/api/v1/admin/attachments/reconcile";
    var admin = Tokens.bearer("root", "admin");
    var kept = map(upload("alice", "kept", null, new byte[] {1}));
    String first = orphan();

    var forbidden = send("POST", path + "?grace_seconds=0", Tokens.bearer("alice"), null, null);
    var bad = send("POST", path + "?grace_seconds=soon", admin, null, null);
    var negative = send("POST", path + "?grace_seconds=-1", admin, null, null);
    var byDefault = send("POST", path, admin, null, null);
    var noGrace = send("POST", path + "?grace_seconds=0", admin, null, null);
    String second = orphan();
    backend.clock.advance(Duration.ofHours(2));
    var longGrace = send("POST", path + "?grace_seconds=10800", admin, null, null);
    var byDefaultLater = send("POST", path, admin, null, null);

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(errorCode(forbidden)).isEqualTo("FORBIDDEN");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(errorCode(bad)).isEqualTo("MALFORMED_REQUEST");
    assertThat(errorCode(negative)).isEqualTo("MALFORMED_REQUEST");
    // the default grace (an hour) keeps a young orphan; 0 does not
    assertThat(byDefault.statusCode()).isEqualTo(200);
    assertThat(map(byDefault)).isEqualTo(Map.of("examined", 2, "removed", List.of()));
    assertThat(map(noGrace)).isEqualTo(Map.of("examined", 2, "removed", List.of(first)));
    assertThat(map(longGrace)).isEqualTo(Map.of("examined", 2, "removed", List.of()));
    assertThat(map(byDefaultLater)).isEqualTo(Map.of("examined", 2, "removed", List.of(second)));
    assertThat(backend.blobs.names()).containsExactly("todos/" + todo + "/" + kept.get("id"));
  }

  /** An object in the store that no attachment names, as a crash mid-upload leaves it. */
  private String orphan() {
    String name = Attachment.objectName(todo, AttachmentId.random());
    backend.blobs.write(name, new ByteArrayInputStream(new byte[] {2}));
    return name;
  }
}

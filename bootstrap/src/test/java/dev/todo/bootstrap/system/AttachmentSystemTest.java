package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.bootstrap.ServiceOnRandomPort;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments through the whole service: real HTTP, real SQLite with its migrations, the local
 * directory store. Bytes, rows and files are checked from the outside.
 */
class AttachmentSystemTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String BOUNDARY = "system-test-boundary-1b7c";
  private static final int MAX_BYTES = 256 * 1024;

  @TempDir Path directory;
  private EmbeddedServer server;
  private JsonMapper json;

  private void start(Map<String, Object> extra) {
    var settings = new HashMap<String, Object>();
    settings.put("todo.attachments.max-bytes", MAX_BYTES);
    settings.put("todo.attachments.max-per-todo", 3);
    settings.putAll(extra);
    server = ServiceOnRandomPort.start(directory, settings);
    json = server.getApplicationContext().getBean(JsonMapper.class);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path store() {
    return directory.resolve("attachments");
  }

  /** Every file under the store, temporary ones included. */
  private List<Path> filesInStore() throws IOException {
    if (!Files.exists(store())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(store())) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private HttpResponse<byte[]> send(
      String method,
      String path,
      String subject,
      String contentType,
      byte[] body,
      String... headers)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (subject != null) {
      builder.header("Authorization", "Bearer " + RunningService.token(subject));
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode body(HttpResponse<byte[]> response) throws IOException {
    return json.readValue(response.body(), JsonNode.class);
  }

  private String errorCode(HttpResponse<byte[]> response) throws IOException {
    return body(response).get("error").get("code").getStringValue();
  }

  private String createTodo(String subject) throws Exception {
    var reply =
        send(
            "POST",
            "/api/v1/todos",
            subject,
            "application/json",
            "{\"title\":\"with files\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(reply.statusCode()).isEqualTo(201);
    return body(reply).get("id").getStringValue();
  }

  private HttpResponse<byte[]> upload(String subject, String todo, String filename, byte[] content)
      throws Exception {
    var multipart = new ByteArrayOutputStream();
    multipart.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    multipart.writeBytes(content);
    multipart.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        "POST",
        "/api/v1/todos/" + todo + "/attachments",
        subject,
        "multipart/form-data; boundary=" + BOUNDARY,
        multipart.toByteArray());
  }

  private long attachmentCount(String subject, String todo) throws Exception {
    return body(send("GET", "/api/v1/todos/" + todo, subject, null, null))
        .get("attachment_count")
        .getLongValue();
  }

  private static byte[] binary(int size) {
    var bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 131 + (i >> 8));
    }
    return bytes;
  }

  @Test
  void uploadDownloadAndDeleteABinaryFileWithANonAsciiName() throws Exception {
    start(Map.of());
    String todo = createTodo("alice");
    byte[] content = binary(200_003);
    String name = "Überweisung №7 — 日本.bin";

    var created = upload("alice", todo, name, content);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
    var attachment = body(created);
    String id = attachment.get("id").getStringValue();
    String path = "/api/v1/todos/" + todo + "/attachments/" + id;
    assertThat(created.headers().firstValue("Location")).contains(path);
    assertThat(attachment.get("filename").getStringValue()).isEqualTo(name);
    assertThat(attachment.get("size_bytes").getLongValue()).isEqualTo(content.length);
    assertThat(attachment.get("sha256").getStringValue())
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(attachmentCount("alice", todo)).isEqualTo(1);
    assertThat(filesInStore()).containsExactly(store().resolve("todos/" + todo + "/" + id));

    var download = send("GET", path + "/content", "alice", null, null);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    assertThat(download.headers().firstValue("Content-Length")).contains("200003");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"")
        .contains(
            "filename*=UTF-8''%C3%9Cberweisung%20%E2%84%967%20%E2%80%94%20%E6%97%A5%E6%9C%AC.bin");
    var range = send("GET", path + "/content", "alice", null, null, "Range", "bytes=100000-");
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 100_000, content.length));

    for (String route :
        List.of(path, path + "/content", "/api/v1/todos/" + todo + "/attachments")) {
      var other = send("GET", route, "mallory", null, null);
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(errorCode(other)).isEqualTo("TODO_NOT_FOUND");
    }
    assertThat(send("DELETE", path, "mallory", null, null).statusCode()).isEqualTo(404);

    assertThat(send("DELETE", path, "alice", null, null).statusCode()).isEqualTo(204);
    assertThat(errorCode(send("GET", path, "alice", null, null))).isEqualTo("ATTACHMENT_NOT_FOUND");
    assertThat(filesInStore()).isEmpty();
    assertThat(attachmentCount("alice", todo)).isZero();
  }

  @Test
  void overTheLimitAnswers413AndLeavesNeitherObjectNorRow() throws Exception {
    start(Map.of());
    String todo = createTodo("alice");

    assertThat(upload("alice", todo, "exact.bin", binary(MAX_BYTES)).statusCode()).isEqualTo(201);
    var reply = upload("alice", todo, "big.bin", binary(MAX_BYTES + 1));

    assertThat(reply.statusCode()).isEqualTo(413);
    assertThat(errorCode(reply)).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(filesInStore()).hasSize(1);
    assertThat(attachmentCount("alice", todo)).isEqualTo(1);
    var list = body(send("GET", "/api/v1/todos/" + todo + "/attachments", "alice", null, null));
    assertThat(list.get("data").size()).isEqualTo(1);
  }

  @Test
  void theAttachmentAfterTheMaximumIs400AndNothingIsStored() throws Exception {
    start(Map.of());
    String todo = createTodo("alice");
    for (int i = 0; i < 3; i++) {
      assertThat(upload("alice", todo, "f" + i, binary(10)).statusCode()).isEqualTo(201);
    }

    var reply = upload("alice", todo, "one-too-many", binary(10));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(errorCode(reply)).isEqualTo("VALIDATION_ERROR");
    assertThat(filesInStore()).hasSize(3);
    assertThat(attachmentCount("alice", todo)).isEqualTo(3);
  }

  @Test
  void aStorageFailureDuringTheUploadAnswers503AndLeavesNothing() throws Exception {
    start(Map.of("test.storage.fail-after-bytes", 70_000));
    String todo = createTodo("alice");

    var reply = upload("alice", todo, "doomed.bin", binary(150_000));

    assertThat(reply.statusCode()).isEqualTo(503);
    assertThat(errorCode(reply)).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(reply.headers().firstValue("Retry-After")).isPresent();
    assertThat(filesInStore()).isEmpty();
    assertThat(attachmentCount("alice", todo)).isZero();
  }

  @Test
  void trashedFilesStayUntilDeletedForGoodThenEmptyingAndPurgingRemoveThem() throws Exception {
    start(Map.of());
    String kept = createTodo("alice");
    String deleted = createTodo("alice");
    String done = createTodo("alice");
    upload("alice", kept, "k", binary(5));
    upload("alice", deleted, "d", binary(5));
    upload("alice", done, "c", binary(5));
    send(
        "PATCH",
        "/api/v1/todos/" + done,
        "alice",
        "application/merge-patch+json",
        "{\"completed\":true}".getBytes(StandardCharsets.UTF_8));

    assertThat(send("DELETE", "/api/v1/todos/" + deleted, "alice", null, null).statusCode())
        .isEqualTo(204);
    assertThat(send("DELETE", "/api/v1/todos?status=completed", "alice", null, null).statusCode())
        .isEqualTo(200);
    assertThat(filesInStore()).hasSize(3);

    assertThat(send("DELETE", "/api/v1/trash/" + deleted, "alice", null, null).statusCode())
        .isEqualTo(204);
    assertThat(filesInStore()).hasSize(2);
    assertThat(send("DELETE", "/api/v1/trash", "alice", null, null).statusCode()).isEqualTo(200);

    assertThat(filesInStore())
        .singleElement()
        .satisfies(f -> assertThat(f.toString()).contains(kept));
  }

  @Test
  void reconcileRemovesAnObjectACrashLeftWithoutMetadata() throws Exception {
    start(Map.of("todo.attachments.reconcile-at-startup", false));
    String todo = createTodo("alice");
    String keptId = body(upload("alice", todo, "kept", binary(5))).get("id").getStringValue();
    Path orphan = store().resolve("todos/" + todo + "/" + UUID.randomUUID());
    Files.write(orphan, binary(5));
    Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minusSeconds(7200)));
    Path young = store().resolve("todos/" + todo + "/" + UUID.randomUUID());
    Files.write(young, binary(5));

    var denied = send("POST", "/api/v1/admin/attachments/reconcile", "alice", null, null);
    var reply =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(server.getURL() + "/api/v1/admin/attachments/reconcile"))
                .header("Authorization", "Bearer " + RunningService.token("root", "admin"))
                .POST(BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(body(reply).get("removed").get(0).getStringValue())
        .isEqualTo(store().relativize(orphan).toString());
    assertThat(Files.exists(orphan)).isFalse();
    assertThat(Files.exists(young)).as("younger than the grace period").isTrue();
    assertThat(Files.exists(store().resolve("todos/" + todo + "/" + keptId))).isTrue();
  }
}

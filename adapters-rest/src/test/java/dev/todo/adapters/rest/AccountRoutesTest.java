package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Export and erasure over a real socket, on the real use cases over in-memory fakes. */
@MicronautTest
@SuppressWarnings("unchecked")
class AccountRoutesTest {

  private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
  }

  private String post(String user, String path, String body) {
    var reply = api.call("POST", path).as(user).json(body).send();
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return (String) reply.map().get("id");
  }

  private String upload(String user, String todo, String filename, byte[] content) {
    var reply =
        api.call("POST", "/api/v1/todos/" + todo + "/attachments")
            .as(user)
            .body(
                new Multipart().file("file", filename, "image/png", content).bytes(),
                Multipart.CONTENT_TYPE)
            .send();
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return (String) reply.map().get("id");
  }

  /** Alice's list with a to-do (a step, a file), a trashed one; she edits a list of Bob's. */
  private Map<String, String> aliceWithData() {
    api.get("/api/v1/me").as("bob").send();
    var ids = new LinkedHashMap<String, String>();
    ids.put("list", post("alice", "/api/v1/lists", "{\"name\":\"Groceries\"}"));
    ids.put(
        "todo",
        post(
            "alice",
            "/api/v1/todos",
            "{\"title\":\"Milk\",\"list_id\":\"" + ids.get("list") + "\"}"));
    post("alice", "/api/v1/todos/" + ids.get("todo") + "/steps", "{\"title\":\"Oat\"}");
    ids.put("file", upload("alice", ids.get("todo"), "photo.png", PHOTO));
    ids.put(
        "trashed",
        post(
            "alice",
            "/api/v1/todos",
            "{\"title\":\"Old\",\"list_id\":\"" + ids.get("list") + "\"}"));
    assertThat(
            api.call("DELETE", "/api/v1/todos/" + ids.get("trashed")).as("alice").send().status())
        .isEqualTo(204);
    ids.put("bobs", post("bob", "/api/v1/lists", "{\"name\":\"Bob's\"}"));
    api.get("/api/v1/me").as("alice").send();
    assertThat(
            api.call("PUT", "/api/v1/lists/" + ids.get("bobs") + "/members/alice")
                .as("bob")
                .json("{\"role\":\"editor\"}")
                .send()
                .status())
        .isEqualTo(201);
    ids.put(
        "inBobs",
        post(
            "alice",
            "/api/v1/todos",
            "{\"title\":\"Alice's in Bob's\",\"list_id\":\"" + ids.get("bobs") + "\"}"));
    ids.put("bobsFile", upload("bob", ids.get("inBobs"), "bob.png", PHOTO));
    return ids;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    var entries = new LinkedHashMap<String, byte[]>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private JsonSchemaSubset schema() throws IOException {
    return new JsonSchemaSubset(
        json.readValue(Files.readAllBytes(Path.of("..", "docs", "export.schema.json")), Map.class));
  }

  @Test
  void theExportIsAZipOfTheDocumentAndTheFilesByteForByte() throws IOException {
    var ids = aliceWithData();

    var response =
        api.get("/api/v1/me/export")
            .as("alice")
            .header("Accept", "application/zip, application/json")
            .download();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"todo-export-2026-01-15.zip\"");
    var entries = unzip(response.body());
    assertThat(entries.keySet())
        .containsExactly(
            "export.json", "attachments/" + ids.get("todo") + "/" + ids.get("file") + "/photo.png");
    assertThat(entries.get("attachments/" + ids.get("todo") + "/" + ids.get("file") + "/photo.png"))
        .isEqualTo(PHOTO);

    Map<String, Object> document = json.readValue(entries.get("export.json"), Map.class);
    assertThat(schema().violations(document)).isEmpty();
    assertThat(document).containsEntry("exported_at", "2026-01-15T10:30:00.123Z");
    assertThat((Map<String, Object>) document.get("user")).containsEntry("id", "alice");
    var lists = (List<Map<String, Object>>) document.get("lists");
    assertThat(lists).extracting(l -> l.get("name")).containsExactly("Groceries");
    var groceries = lists.getFirst();
    assertThat(groceries).containsEntry("role", "owner").containsEntry("todo_count", 1);
    var todos = (List<Map<String, Object>>) groceries.get("todos");
    assertThat(todos).extracting(t -> t.get("title")).containsExactly("Milk", "Old");
    assertThat(todos.get(0)).containsEntry("deleted_at", null);
    assertThat(todos.get(1)).containsEntry("deleted_by", "alice");
    assertThat((List<Map<String, Object>>) todos.get(0).get("steps"))
        .extracting(s -> s.get("title"))
        .containsExactly("Oat");
    assertThat((List<Map<String, Object>>) todos.get(0).get("attachments"))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("size_bytes", PHOTO.length));
    assertThat((List<Map<String, Object>>) document.get("memberships"))
        .containsExactly(Map.of("id", ids.get("bobs"), "name", "Bob's"));
  }

  @Test
  void theSchemaCheckNoticesAMissingOrUnexpectedField() throws IOException {
    aliceWithData();
    var zip = api.get("/api/v1/me/export").as("alice").download().body();
    Map<String, Object> document = json.readValue(unzip(zip).get("export.json"), Map.class);
    var todo =
        ((List<Map<String, Object>>)
                ((List<Map<String, Object>>) document.get("lists")).getFirst().get("todos"))
            .getFirst();
    todo.remove("deleted_by");
    todo.put("owner", "alice");

    assertThat(schema().violations(document))
        .containsExactlyInAnyOrder(
            "$.lists[0].todos[0]: required deleted_by is missing",
            "$.lists[0].todos[0]: owner is not allowed");
  }

  @Test
  void aClientThatLeavesMidwayStopsTheExport() throws Exception {
    String list = post("alice", "/api/v1/lists", "{\"name\":\"Big files\"}");
    String todo =
        post("alice", "/api/v1/todos", "{\"title\":\"Scans\",\"list_id\":\"" + list + "\"}");
    byte[] big = new byte[8 * 1024 * 1024];
    new Random(7).nextBytes(big);
    for (int i = 0; i < 4; i++) {
      upload("alice", todo, "scan-" + i + ".bin", big);
    }
    var lines = new ListAppender<ILoggingEvent>();
    var logger = (Logger) LoggerFactory.getLogger(ProducedStream.class);
    Level level = logger.getLevel();
    logger.setLevel(Level.INFO);
    lines.start();
    logger.addAppender(lines);
    try {
      try (var socket = new Socket(server.getHost(), server.getPort())) {
        String request =
            "GET /api/v1/me/export HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + Tokens.bearer("alice")
                + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        assertThat(socket.getInputStream().readNBytes(1024)).hasSize(1024);
      }

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (lines.list.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(lines.list)
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line.getFormattedMessage())
                      .startsWith("Response body abandoned by the client")
                      .contains("went away"));
    } finally {
      logger.detachAppender(lines);
      logger.setLevel(level);
    }
  }

  @Test
  void aReadonlyCallerMayExportAndAnonymousCallersMayNot() {
    var readonly = api.get("/api/v1/me/export").as("carol", "readonly").download();
    assertThat(readonly.statusCode()).isEqualTo(200);

    var anonymous = api.get("/api/v1/me/export").send();
    assertThat(anonymous.status()).isEqualTo(403);
    assertThat(anonymous.errorCode()).isEqualTo("AUTHENTICATION_REQUIRED");
  }

  @Test
  void erasureNeedsTheCallersOwnIdAndChangesNothingWithoutIt() {
    aliceWithData();
    var objects = backend.blobs.names();

    for (var query : List.of("", "?confirm=", "?confirm=bob", "?confirm=ALICE", "?other=alice")) {
      var reply = api.call("DELETE", "/api/v1/me" + query).as("alice").send();
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("VALIDATION_ERROR");
      assertThat((Map<String, Object>) reply.error().get("details")).containsKey("confirm");
    }
    var readonly = api.call("DELETE", "/api/v1/me?confirm=alice").as("alice", "readonly").send();
    assertThat(readonly.status()).isEqualTo(403);
    assertThat(readonly.errorCode()).isEqualTo("FORBIDDEN");

    assertThat(backend.blobs.names()).isEqualTo(objects);
    assertThat(backend.db.users.findById("alice")).isPresent();
  }

  @Test
  void erasureRemovesTheAccountAndItsObjectsAndLeavesOthersDataNamelessAndExact() {
    var ids = aliceWithData();
    assertThat(backend.blobs.names()).hasSize(2);

    var reply = api.call("DELETE", "/api/v1/me?confirm=alice").as("alice").send();

    assertThat(reply.status()).isEqualTo(204);
    assertThat(backend.blobs.names()).hasSize(1);
    var bobsList = api.get("/api/v1/lists/" + ids.get("bobs")).as("bob").send().map();
    assertThat(bobsList).containsEntry("member_count", 1).containsEntry("todo_count", 1);
    var kept = api.get("/api/v1/todos/" + ids.get("inBobs")).as("bob").send().map();
    assertThat(kept).containsEntry("created_by", null).containsEntry("title", "Alice's in Bob's");
    assertThat(kept).containsEntry("attachment_count", 1);
    var activity =
        (List<Map<String, Object>>)
            api.get("/api/v1/lists/" + ids.get("bobs") + "/activity")
                .as("bob")
                .send()
                .map()
                .get("data");
    var anonymous = new LinkedHashMap<String, Object>();
    anonymous.put("id", null);
    anonymous.put("name", null);
    anonymous.put("email", null);
    assertThat(activity)
        .filteredOn(e -> "todo.created".equals(e.get("action")))
        .singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo(anonymous));
    var erased =
        (List<Map<String, Object>>)
            api.get("/api/v1/admin/audit?action=user.erased")
                .as("root", "admin")
                .send()
                .map()
                .get("data");
    assertThat(erased)
        .singleElement()
        .satisfies(e -> assertThat(e.get("actor")).isEqualTo(anonymous));
    assertThat(api.get("/api/v1/lists/" + ids.get("list")).as("bob").send().errorCode())
        .isEqualTo("LIST_NOT_FOUND");
  }

  @Test
  void theNextRequestOfTheSameUserStartsAnEmptyAccount() {
    aliceWithData();
    assertThat(api.call("DELETE", "/api/v1/me?confirm=alice").as("alice").send().status())
        .isEqualTo(204);

    var lists =
        (List<Map<String, Object>>) api.get("/api/v1/lists").as("alice").send().map().get("data");

    assertThat(lists)
        .singleElement()
        .satisfies(
            l -> assertThat(l).containsEntry("is_default", true).containsEntry("todo_count", 0));
    assertThat(api.get("/api/v1/todos").as("alice").send().map().get("data")).isEqualTo(List.of());
  }
}

package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.bootstrap.ServiceOnRandomPort;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests run on a fixed pool of platform threads, served in arrival order; uploads, which wait on
 * their client, run on virtual threads and never hold one of those threads. Here the pool has two
 * threads and three clients stall in the middle of their uploads: the three uploads are under way
 * at once and the API still answers.
 */
class RequestThreadsSystemTest {

  private static final int REQUEST_THREADS = 2;
  private static final int STALLED_UPLOADS = REQUEST_THREADS + 1;
  private static final String BOUNDARY = "stalled-upload-boundary";
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
  private final List<Socket> stalled = new ArrayList<>();

  @TempDir Path directory;
  private EmbeddedServer server;

  @BeforeEach
  void start() {
    server =
        ServiceOnRandomPort.start(
            directory, Map.of("micronaut.executors.blocking.number-of-threads", REQUEST_THREADS));
  }

  @AfterEach
  void stop() throws IOException {
    for (var socket : stalled) {
      socket.close();
    }
    server.close();
  }

  @Test
  void requestsRunOnAFixedPoolOfPlatformThreads() throws Exception {
    var executor =
        server
            .getApplicationContext()
            .getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING));

    var threads = new ArrayList<java.util.concurrent.Future<Thread>>();
    for (int i = 0; i < 5 * REQUEST_THREADS; i++) {
      threads.add(
          executor.submit(
              () -> {
                Thread.sleep(20);
                return Thread.currentThread();
              }));
    }
    var seen = new java.util.HashSet<Thread>();
    for (var thread : threads) {
      seen.add(thread.get());
    }

    assertThat(seen).hasSize(REQUEST_THREADS).noneMatch(Thread::isVirtual);
  }

  @Test
  void uploadsThatWaitForTheirClientsHoldNoRequestThread() throws Exception {
    String todo = createTodo();

    for (int i = 0; i < STALLED_UPLOADS; i++) {
      stalled.add(startUploadAndStall(todo));
    }

    awaitTemporaryFiles(STALLED_UPLOADS);
    var list = get("/api/v1/todos");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(todo);
  }

  private String createTodo() throws Exception {
    var created =
        client.send(
            authorised(URI.create(server.getURL() + "/api/v1/todos"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"with files\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        authorised(URI.create(server.getURL() + path)).timeout(PATIENCE).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorised(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token());
  }

  private static String token() {
    return RunningService.token("alice");
  }

  /** Sends the headers and the first bytes of a file that is announced much longer, then waits. */
  private Socket startUploadAndStall(String todo) throws IOException {
    String start =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\""
            + "\r\nContent-Type: text/plain\r\n\r\n"
            + "the first bytes of a long file";
    String head =
        "POST /api/v1/todos/"
            + todo
            + "/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token()
            + "\r\nContent-Type: multipart/form-data; boundary="
            + BOUNDARY
            + "\r\nContent-Length: 65536\r\n\r\n";
    var socket = new Socket(server.getHost(), server.getPort());
    OutputStream out = socket.getOutputStream();
    out.write((head + start).getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** The store's temporary files: one per upload whose content is being written. */
  private void awaitTemporaryFiles(int expected) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int found = 0;
    while (System.nanoTime() < deadline) {
      found = temporaryFiles();
      if (found >= expected) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(found).as("uploads under way at once").isEqualTo(expected);
  }

  private int temporaryFiles() throws IOException {
    Path store = directory.resolve("attachments");
    if (!Files.exists(store)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(store)) {
      return (int) files.filter(file -> file.getFileName().toString().endsWith(".tmp")).count();
    }
  }
}

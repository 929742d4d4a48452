package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the upload is streamed: the service runs in its own JVM with a 96 MiB heap and an empty
 * temporary directory (but for what sqlite-jdbc unpacks at startup), and takes a 256 MiB file,
 * generated as it is sent (never held by the test either). A service that buffered the file in
 * memory would die of OutOfMemoryError; one that spooled it to a temporary file would leave it in
 * {@code java.io.tmpdir}, which is checked while the upload is under way and after it.
 */
class LargeUploadSystemTest {

  private static final long SIZE = 256L * 1024 * 1024;
  private static final String BOUNDARY = "large-upload-boundary";

  @TempDir Path directory;

  @Test
  void a256MiBFileGoesThroughA96MiBHeapWithoutTemporaryFiles() throws Exception {
    Path tmp = Files.createDirectories(directory.resolve("tmp"));
    Path store = directory.resolve("attachments");
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command =
        List.of(
            java,
            "-Xmx96m",
            "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.todo.bootstrap.Application");
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(directory.resolve("service.log").toFile());
    var env = builder.environment();
    env.put("PORT", Integer.toString(port));
    env.put("TODO_DATABASE_URL", "jdbc:sqlite:" + directory.resolve("todo.db"));
    env.put("TODO_ATTACHMENTS_DIR", store.toString());
    env.put("TODO_ATTACHMENTS_MAX_BYTES", Long.toString(SIZE));
    env.put("TODO_LOG_FORMAT", "text");
    Process service = builder.start();
    try {
      var client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + port;
      awaitHealthy(client, base, service);
      String token = "Bearer " + RunningService.token("alice");
      var created =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/todos"))
                  .header("Authorization", token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"big\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String todo = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

      var digest = MessageDigest.getInstance("SHA-256");
      // sqlite-jdbc unpacks its native library there at startup: that is not the upload's.
      var before = filesIn(tmp);
      var tempFilesSeen = new java.util.concurrent.ConcurrentSkipListSet<Path>();
      var watcher =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      tempFilesSeen.addAll(filesIn(tmp));
                      try {
                        Thread.sleep(50);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
      var upload =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/todos/" + todo + "/attachments"))
                  .header("Authorization", token)
                  .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                  .timeout(Duration.ofMinutes(5))
                  .POST(HttpRequest.BodyPublishers.ofInputStream(() -> multipart(digest)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      watcher.interrupt();
      watcher.join();

      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
      assertThat(upload.body())
          .contains("\"size_bytes\":" + SIZE)
          .contains("\"sha256\":\"" + HexFormat.of().formatHex(digest.digest()) + "\"");
      assertThat(service.isAlive()).isTrue();
      tempFilesSeen.removeAll(before);
      assertThat(tempFilesSeen).as("new files in java.io.tmpdir during the upload").isEmpty();
      assertThat(filesIn(tmp)).isEqualTo(before);
      try (Stream<Path> files = Files.walk(store)) {
        assertThat(files.filter(Files::isRegularFile).mapToLong(LargeUploadSystemTest::size).sum())
            .isEqualTo(SIZE);
      }
    } finally {
      service.destroy();
      service.waitFor();
    }
  }

  private static void awaitHealthy(HttpClient client, String base, Process service)
      throws Exception {
    var deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      assertThat(service.isAlive()).as("the service exited").isTrue();
      try {
        var health =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the service did not become healthy");
  }

  /** The multipart body: a header, SIZE generated bytes (hashed as they are sent), a trailer. */
  private static InputStream multipart(MessageDigest digest) {
    var head =
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    var tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    InputStream content =
        new DigestInputStream(
            new InputStream() {
              long sent;

              @Override
              public int read() {
                return sent < SIZE ? (int) (sent++ * 31 & 0xff) : -1;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) {
                if (sent >= SIZE) {
                  return -1;
                }
                int n = (int) Math.min(length, SIZE - sent);
                for (int i = 0; i < n; i++) {
                  buffer[offset + i] = (byte) ((sent + i) * 31);
                }
                sent += n;
                return n;
              }
            },
            digest);
    return new SequenceInputStream(
        new SequenceInputStream(new java.io.ByteArrayInputStream(head), content),
        new java.io.ByteArrayInputStream(tail));
  }

  private static java.util.Set<Path> filesIn(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toSet());
    } catch (IOException e) {
      return java.util.Set.of();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

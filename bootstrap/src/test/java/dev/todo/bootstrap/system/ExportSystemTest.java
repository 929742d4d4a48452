package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import dev.todo.bootstrap.ServiceOnRandomPort;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.list.ListView;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.in.AttachmentsUseCase.IncomingFile;
import dev.todo.domain.port.in.AttachmentsUseCase.UploadCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.testing.TodoBuilder;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export through the whole service (SQLite, the local object store, HTTP), read by a client
 * that checks it as it arrives: every to-do, every file byte for byte, no file written by the JVM
 * (JFR's {@code jdk.FileWrite} events: the shared temporary directory cannot tell whose a file is)
 * nor in the data directory, and the heap held while it streams. Small by default; {@code
 * bench/export-memory} runs the same test at full size ({@code -Dexport.todos=100000
 * -Dexport.attachment-mib=100}).
 */
class ExportSystemTest {

  private static final int TODOS = Integer.getInteger("export.todos", 3_000);
  private static final int ATTACHMENT_MIB = Integer.getInteger("export.attachment-mib", 12);
  private static final int FILE_MIB = 4;
  private static final long MAX_HEAP_GROWTH = 10L * 1000 * 1000;

  @TempDir Path directory;
  private EmbeddedServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void streamsEveryToDoAndFileWithoutATemporaryFileInBoundedHeap() throws Exception {
    server =
        ServiceOnRandomPort.start(
            directory, Map.of("todo.attachments.max-bytes", FILE_MIB * 1024 * 1024));
    var context = server.getApplicationContext();
    var alice = Caller.of("alice");
    context.getBean(RecogniseUserUseCase.class).recognise(alice);
    ListView list =
        context
            .getBean(ListsUseCase.class)
            .create(alice, InputSource.of(new ListInput(Field.of("Big"), Field.absent())));
    List<Todo> withFiles =
        seedTodos(context.getBean(TodoRepository.class), context.getBean(Transactions.class), list);
    Map<String, String> shaByAttachment =
        seedFiles(context.getBean(AttachmentsUseCase.class), alice, withFiles);

    Set<String> dataBefore = tree(directory);
    var written = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
    var fileWrites = new RecordingStream();
    fileWrites.enable("jdk.FileWrite").withThreshold(Duration.ZERO);
    fileWrites.onEvent(
        "jdk.FileWrite", event -> written.add(String.valueOf(event.getString("path"))));
    fileWrites.startAsync();
    long heapBefore = heapAfterGc();
    long started = System.nanoTime();

    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/me/export"))
                    .header("Authorization", "Bearer " + RunningService.token("alice"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);

    var samples = new ArrayList<Long>();
    int todos = 0;
    var seen = new HashMap<String, String>();
    long bytes = 0;
    try (var zip = new ZipInputStream(response.body())) {
      assertThat(zip.getNextEntry().getName()).isEqualTo("export.json");
      todos = countTodos(new KeepOpen(zip), () -> samples.add(heapAfterGc() - heapBefore));
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        var digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
          digest.update(buffer, 0, n);
          bytes += n;
        }
        String attachmentId = entry.getName().split("/")[2];
        seen.put(attachmentId, HexFormat.of().formatHex(digest.digest()));
        if (seen.size() == shaByAttachment.size() / 2) {
          samples.add(heapAfterGc() - heapBefore);
          assertThat(tree(directory)).isEqualTo(dataBefore);
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    fileWrites.stop();
    fileWrites.close();

    assertThat(todos).isEqualTo(TODOS);
    assertThat(seen).isEqualTo(shaByAttachment);
    assertThat(bytes).isEqualTo((long) ATTACHMENT_MIB * 1024 * 1024);
    assertThat(tree(directory)).isEqualTo(dataBefore);
    // every file this JVM wrote to while exporting but the console (no path) and the writer
    // lease's renewals (a temporary file renamed over the lease, every 10 s): none
    assertThat(written).allMatch(path -> path.equals("null") || isLease(path));
    System.out.printf(
        "EXPORT todos=%d attachment_bytes=%d seconds=%.1f heap_growth_bytes_mid_export=%s%n",
        todos, bytes, seconds, samples);
    assertThat(samples).isNotEmpty().allMatch(growth -> growth < MAX_HEAP_GROWTH);

    long erasing = System.nanoTime();
    var erased =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/me?confirm=alice"))
                    .DELETE()
                    .header("Authorization", "Bearer " + RunningService.token("alice"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    System.out.printf(
        "ERASE todos=%d attachment_bytes=%d seconds=%.2f%n",
        TODOS, bytes, (System.nanoTime() - erasing) / 1e9);
    assertThat(erased.statusCode()).isEqualTo(204);
    try (Stream<Path> files = Files.walk(directory.resolve("attachments"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  private static List<Todo> seedTodos(
      TodoRepository repository, Transactions transactions, ListView list) {
    var withFiles = new ArrayList<Todo>();
    for (int start = 0; start < TODOS; start += 1_000) {
      int from = start;
      transactions.write(
          () -> {
            for (int i = from; i < Math.min(from + 1_000, TODOS); i++) {
              Todo todo =
                  TodoBuilder.aTodo()
                      .inList(list.list().id())
                      .by("alice")
                      .titled("To-do number " + i)
                      .notes("Some notes for to-do " + i + ", to give the document some weight")
                      .position(i + 1)
                      .createdAt(TodoBuilder.T0.plusMillis(i))
                      .build();
              repository.insert(todo);
              if (withFiles.size() < ATTACHMENT_MIB / FILE_MIB) {
                withFiles.add(todo);
              }
            }
            return null;
          });
    }
    return withFiles;
  }

  private static Map<String, String> seedFiles(
      AttachmentsUseCase attachments, Caller alice, List<Todo> todos) {
    var sha = new HashMap<String, String>();
    var random = new Random(42);
    for (Todo todo : todos) {
      byte[] content = new byte[FILE_MIB * 1024 * 1024];
      random.nextBytes(content);
      var file =
          new IncomingFile(
              "data.bin",
              Optional.of("application/octet-stream"),
              new java.io.ByteArrayInputStream(content));
      var stored =
          attachments.upload(
              new UploadCommand(alice, todo.id(), InputSource.of(Optional.of(file))));
      sha.put(stored.id().toString(), stored.sha256());
    }
    return sha;
  }

  /** The to-dos in {@code export.json}, each one's {@code steps} field; {@code halfway} at half. */
  private static int countTodos(InputStream document, Runnable halfway) throws IOException {
    int count = 0;
    try (var parser = new JsonFactory().createParser(document)) {
      for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("steps")) {
          if (++count == TODOS / 2) {
            halfway.run();
          }
        }
      }
    }
    return count;
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static Set<String> tree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.map(Path::toString).filter(path -> !isLease(path)).collect(Collectors.toSet());
    }
  }

  private static boolean isLease(String path) {
    return Path.of(path).getFileName().toString().startsWith("todo.db.lease");
  }

  /** The parser closes what it reads; the zip must stay open for the next entry. */
  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}

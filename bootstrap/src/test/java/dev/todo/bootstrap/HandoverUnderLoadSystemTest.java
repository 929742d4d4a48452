package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole instances, each on its own copy of the database as on Cloud Run (the second restores
 * the first's replica), sharing one lease file; 8 threads write all along while the second asks for
 * the lease and the first hands it over. Every write acknowledged with 201, by either, is in the
 * second's database afterwards. The replica is a directory, and Litestream a stand-in that copies
 * the database there only at its final sync: a write committed after that is lost.
 */
class HandoverUnderLoadSystemTest {

  private static final int WRITERS = 8;
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Pattern TITLE = Pattern.compile("\"title\":\"(w-\\d+-\\d+)\"");

  @TempDir Path directory;

  @Test
  void everyAcknowledgedWriteSurvivesAHandoverInTheMiddleOfTheLoad() throws Exception {
    Path replica = Files.createDirectories(directory.resolve("replica"));
    EmbeddedServer first = start("instance-a", replica);
    var target = new AtomicReference<>(new SystemTestClient(first));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
    var stop = new AtomicBoolean();
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          CompletableFuture.runAsync(
              () -> write(writer, target, acknowledged, refused, stop),
              command -> Thread.ofPlatform().start(command)));
    }
    EmbeddedServer second = null;
    try {
      awaitAcknowledged(acknowledged, 100);
      second =
          CompletableFuture.supplyAsync(() -> start("instance-b", replica))
              .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      target.set(new SystemTestClient(second));
      int atHandover = acknowledged.size();
      awaitAcknowledged(acknowledged, atHandover + 100);
      stop.set(true);
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
          .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      awaitStopped(first);

      Set<String> stored = titlesIn(second);
      System.out.printf(
          "handover under load: %d writes acknowledged (%d by the first instance), refused and"
              + " retried by status (-1: connection closed) %s, %d rows after%n",
          acknowledged.size(), atHandover, refused, stored.size());
      assertThat(stored).containsAll(acknowledged);
    } finally {
      stop.set(true);
      if (second != null) {
        second.close();
      }
      if (first.isRunning()) {
        first.close();
      }
    }
  }

  private EmbeddedServer start(String instance, Path replica) {
    try {
      Path home = Files.createDirectories(directory.resolve(instance));
      return ServiceOnRandomPort.start(
          home,
          Map.of(
              "todo.lease.instance-id",
              instance,
              "todo.lease.file",
              directory.resolve("todo.db.lease").toString(),
              "todo.lease.ttl",
              "3s",
              "todo.lease.retry-interval",
              "50ms",
              "todo.replication.litestream-config",
              "/etc/litestream.yml",
              "todo.replication.litestream-binary",
              copyingLitestream(home, replica, home.resolve("todo.db")).toString()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Restores from {@code replica} when it holds a copy; copies the database there on SIGTERM. */
  private static Path copyingLitestream(Path home, Path replica, Path database)
      throws java.io.IOException {
    Path script = home.resolve("litestream");
    Files.writeString(
        script,
        """
        #!/bin/sh
        replica="%1$s"
        if [ "$1" = restore ]; then
          for database; do :; done
          if [ -f "$replica/todo.db" ]; then
            cp "$replica/todo.db" "$database"
            if [ -f "$replica/todo.db-wal" ]; then cp "$replica/todo.db-wal" "$database-wal"; fi
          fi
          exit 0
        fi
        database="%2$s"
        sync() {
          rm -f "$replica/todo.db-wal"
          cp "$database" "$replica/todo.db"
          if [ -f "$database-wal" ]; then cp "$database-wal" "$replica/todo.db-wal"; fi
          exit 0
        }
        trap sync TERM
        while true; do sleep 0.05 & wait $!; done
        """
            .formatted(replica, database));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  /** Writes unique titles to whichever instance is the target; a refused write is tried again. */
  private static void write(
      int writer,
      AtomicReference<SystemTestClient> target,
      Set<String> acknowledged,
      Map<Integer, AtomicInteger> refused,
      AtomicBoolean stop) {
    for (int n = 0; !stop.get(); ) {
      String title = "w-" + writer + "-" + n;
      int status;
      try {
        status = target.get().post("/api/v1/todos", "{\"title\":\"" + title + "\"}").statusCode();
      } catch (java.io.IOException e) {
        status = -1; // the first instance closed while this request was under way
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (status == 201) {
        acknowledged.add(title);
        n++;
      } else {
        // Not acknowledged, so it may or may not be stored; the same title is tried again.
        refused.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
        pause();
      }
    }
  }

  private static Set<String> titlesIn(EmbeddedServer server) throws Exception {
    var titles = new java.util.HashSet<String>();
    var http = new SystemTestClient(server);
    for (int page = 1; ; page++) {
      String body = http.get("/api/v1/todos?page_size=100&page=" + page).body();
      var matcher = TITLE.matcher(body);
      int found = 0;
      while (matcher.find()) {
        titles.add(matcher.group(1));
        found++;
      }
      if (found == 0) {
        return titles;
      }
    }
  }

  private static void awaitAcknowledged(Set<String> acknowledged, int count) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (acknowledged.size() < count) {
      assertThat(Instant.now()).as("%d writes acknowledged", count).isBefore(deadline);
      pause();
    }
  }

  private static void awaitStopped(EmbeddedServer server) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (server.isRunning()) {
      assertThat(Instant.now()).as("the first instance stops itself").isBefore(deadline);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package dev.todo.bootstrap;

import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole instances of the service against one store (one database file, hence one lease file):
 * exactly one becomes ready; the other waits, unready, and takes over once the first stops, or,
 * when it asks for a handover (a rollout), once the first has handed the lease over and stopped.
 */
class WriterLeaseSystemTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path directory;

  private EmbeddedServer start(String instance, boolean handover) {
    return ServiceOnRandomPort.start(
        directory,
        Map.of(
            "todo.lease.instance-id",
            instance,
            "todo.lease.ttl",
            "3s",
            "todo.lease.retry-interval",
            "50ms",
            "todo.lease.handover",
            handover));
  }

  @Test
  void aNewInstanceAsksForTheLeaseAndTheOldOneHandsItOverAndStops() throws Exception {
    EmbeddedServer old = start("instance-old", true);
    try {
      assertThat(post(old, "/api/v1/todos", "{\"title\":\"before the rollout\"}").statusCode())
          .isEqualTo(201);
      EmbeddedServer fresh =
          CompletableFuture.supplyAsync(() -> start("instance-new", true))
              .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      try {
        assertThat(Files.readString(directory.resolve("todo.db.lease")))
            .contains("holder=instance-new");
        assertThat(get(fresh, "/api/v1/todos").body()).contains("before the rollout");
        assertThat(post(fresh, "/api/v1/todos", "{\"title\":\"after\"}").statusCode())
            .isEqualTo(201);
        awaitStopped(old);
      } finally {
        fresh.close();
      }
    } finally {
      if (old.isRunning()) {
        old.close();
      }
    }
  }

  @Test
  void aWriteAcceptedWhileTheLeaseWasValidButCommittedAfterItRanOutKeepsNothing() throws Exception {
    EmbeddedServer paused = start("instance-paused", false);
    Path leaseFile = directory.resolve("todo.db.lease");
    try {
      assertThat(post(paused, "/api/v1/todos", "{\"title\":\"acknowledged in time\"}").statusCode())
          .isEqualTo(201);
      var keeper = paused.getApplicationContext().getBean(WriterLeaseKeeper.class);
      var todos = paused.getApplicationContext().getBean(TodoRepository.class);
      var transactions = paused.getApplicationContext().getBean(Transactions.class);
      var inbox =
          transactions.read(
              () ->
                  paused
                      .getApplicationContext()
                      .getBean(ListRepository.class)
                      .findDefault("lease-tester")
                      .orElseThrow()
                      .id());

      assertThatThrownBy(
              () ->
                  transactions.write(
                      () -> {
                        todos.insert(aTodo().inList(inbox).titled("too late").build());
                        // While this write runs, another instance takes the lease over: this
                        // one's renewals fail, and the write is held up until the lease it
                        // accepted the write under is no longer valid (a pause).
                        plant(leaseFile, "holder=instance-other\nexpires_at=" + Instant.now());
                        awaitNoLongerWriting(keeper);
                        return null;
                      }))
          .isInstanceOf(ServiceUnavailableException.class);
      awaitStopped(paused);
    } finally {
      if (paused.isRunning()) {
        paused.close();
      }
    }
    EmbeddedServer next = start("instance-next", false);
    try {
      assertThat(get(next, "/api/v1/todos").body())
          .contains("acknowledged in time")
          .doesNotContain("too late");
    } finally {
      next.close();
    }
  }

  private static void plant(Path leaseFile, String record) {
    try {
      Files.writeString(leaseFile, record + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void awaitNoLongerWriting(WriterLeaseKeeper keeper) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (keeper.mayWrite()) {
      assertThat(Instant.now()).as("the lease runs out").isBefore(deadline);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void awaitStopped(EmbeddedServer server) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (server.isRunning()) {
      assertThat(Instant.now()).as("the instance stops itself").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void exactlyOneInstanceIsReadyAndTheSecondTakesOverWhenTheFirstStops() throws Exception {
    EmbeddedServer first = start("instance-a", false);
    Path leaseFile = directory.resolve("todo.db.lease");
    try {
      assertThat(status(first, "/api/v1/health")).isEqualTo(200);
      assertThat(Files.readString(leaseFile)).contains("holder=instance-a");

      CompletableFuture<EmbeddedServer> second =
          CompletableFuture.supplyAsync(() -> start("instance-b", false));
      try {
        // While the first renews its lease twice (every second), the second retries every 50 ms.
        awaitRenewals(leaseFile, 2);
        assertThat(second).as("the second instance stays unready").isNotDone();
        assertThat(Files.readString(leaseFile)).contains("holder=instance-a");
        assertThat(post(first, "/api/v1/todos", "{\"title\":\"written by a\"}").statusCode())
            .isEqualTo(201);

        // Shutdown begins: writes are refused with 503 + Retry-After, reads still work.
        first.getApplicationContext().getBean(WriterLeaseKeeper.class).drain();
        HttpResponse<String> refused = post(first, "/api/v1/todos", "{\"title\":\"too late\"}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(status(first, "/api/v1/todos")).isEqualTo(200);

        first.close();
        EmbeddedServer taken = second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        try {
          assertThat(status(taken, "/api/v1/health")).isEqualTo(200);
          assertThat(Files.readString(leaseFile)).contains("holder=instance-b");
          assertThat(post(taken, "/api/v1/todos", "{\"title\":\"written by b\"}").statusCode())
              .isEqualTo(201);
          assertThat(get(taken, "/api/v1/todos").body())
              .contains("written by a")
              .contains("written by b")
              .doesNotContain("too late");
        } finally {
          taken.close();
        }
      } finally {
        second.thenAccept(EmbeddedServer::close);
      }
    } finally {
      if (first.isRunning()) {
        first.close();
      }
    }
  }

  private static void awaitRenewals(Path leaseFile, int renewals) throws Exception {
    FileTime last = Files.getLastModifiedTime(leaseFile);
    int seen = 0;
    Instant deadline = Instant.now().plus(PATIENCE);
    while (seen < renewals) {
      assertThat(Instant.now()).as("the lease is renewed").isBefore(deadline);
      Thread.sleep(20);
      FileTime now = Files.getLastModifiedTime(leaseFile);
      if (!now.equals(last)) {
        seen++;
        last = now;
      }
    }
  }

  private static int status(EmbeddedServer server, String path) throws Exception {
    return get(server, path).statusCode();
  }

  private static HttpResponse<String> get(EmbeddedServer server, String path) throws Exception {
    return new SystemTestClient(server).get(path);
  }

  private static HttpResponse<String> post(EmbeddedServer server, String path, String json)
      throws Exception {
    return new SystemTestClient(server).post(path, json);
  }
}

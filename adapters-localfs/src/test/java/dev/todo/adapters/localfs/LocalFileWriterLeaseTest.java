package dev.todo.adapters.localfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.WriterLease;
import dev.todo.domain.testing.WriterLeaseContract;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileWriterLeaseTest extends WriterLeaseContract {

  @TempDir Path temp;
  private Path leaseFile;
  private int stores;

  @Override
  protected void newStore() {
    leaseFile = temp.resolve("store-" + stores++).resolve("todo.db.lease");
  }

  @Override
  protected WriterLease lease(String holder) {
    return new LocalFileWriterLease(leaseFile, holder, TTL, clock());
  }

  @Override
  protected WriterLease unreachableLease(String holder) {
    try {
      // A regular file where the directory should be: nothing can be created beneath it.
      Path blocked = Files.writeString(temp.resolve("not-a-directory"), "x");
      return new LocalFileWriterLease(blocked.resolve("todo.db.lease"), holder, TTL, clock());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aHolderWhoseProcessDiedIsTakenOverAtOnceButNotWhileItLives() throws Exception {
    Duration ttl = Duration.ofMinutes(5);
    var successor = new LocalFileWriterLease(leaseFile, "instance-b", ttl, Clock.systemUTC());
    Process holder = holderProcess("instance-a", ttl);
    try {
      assertThat(firstLineOf(holder)).isEqualTo("held");
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThat(successor.acquire()).as("the holder's process lives").isFalse();
        Thread.sleep(100);
      }

      long killed = System.nanoTime();
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      while (!successor.acquire()) {
        assertThat(Duration.ofNanos(System.nanoTime() - killed))
            .as("taken over long before the lease's %s expire", ttl)
            .isLessThan(Duration.ofSeconds(3));
        Thread.sleep(20);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(3));
      assertThat(Files.readString(leaseFile)).contains("holder=instance-b");
    } finally {
      holder.destroyForcibly();
      successor.release();
    }
  }

  @Test
  void anotherProcessNeverTakesOverAHolderInThisJvmWhoseNeighbourAskedWhetherItLives()
      throws Exception {
    Duration ttl = Duration.ofMinutes(5);
    var holder = new LocalFileWriterLease(leaseFile, "instance-a", ttl, Clock.systemUTC());
    var neighbour = new LocalFileWriterLease(leaseFile, "instance-b", ttl, Clock.systemUTC());
    try {
      assertThat(holder.acquire()).isTrue();
      assertThat(neighbour.acquire()).isFalse();

      Process other = holderProcess("instance-c", ttl, "once");
      assertThat(firstLineOf(other)).as("this JVM still holds its lock").isEqualTo("refused");
      other.waitFor(30, TimeUnit.SECONDS);
      assertThat(holder.renew()).isTrue();
    } finally {
      holder.release();
    }
  }

  @Test
  void anUnlockedLivenessFileNamingSomeoneElseProvesNothing() throws Exception {
    Files.createDirectories(leaseFile.getParent());
    // A holder that never signed (an older version) after one that did and has ended.
    Files.writeString(leaseFile.resolveSibling("todo.db.lease.alive"), "holder=instance-x\n");
    plantRawRecord(
        ("holder=instance-y\nexpires_at=" + clock().instant().plus(TTL) + "\n")
            .getBytes(StandardCharsets.UTF_8));
    WriterLease successor = lease("instance-b");

    assertThat(successor.acquire()).isFalse();
    clock().advance(TTL);
    assertThat(successor.acquire()).isTrue();
  }

  private Process holderProcess(String holder, Duration ttl, String... mode) throws IOException {
    Files.createDirectories(leaseFile.getParent());
    var command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LeaseHolderProcess.class.getName(),
                leaseFile.toString(),
                holder,
                ttl.toString()));
    command.addAll(List.of(mode));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String firstLineOf(Process process) throws Exception {
    var reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return reader.readLine();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .get(60, TimeUnit.SECONDS);
  }

  @Override
  protected void plantRawRecord(byte[] stored) {
    try {
      Files.createDirectories(leaseFile.getParent());
      Files.write(leaseFile, stored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

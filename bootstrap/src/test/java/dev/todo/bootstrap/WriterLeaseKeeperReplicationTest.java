package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.PendingWrites;
import dev.todo.domain.testing.InMemoryWriterLease;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keeper and Litestream (a stand-in script): when it restores, syncs and is killed. */
class WriterLeaseKeeperReplicationTest extends WriterLeaseKeeperFixture {

  @Test
  void restoresAndReplicatesOnlyInsideTheLeaseAndSyncsBeforeReleasingIt(@TempDir Path dir)
      throws Exception {
    var litestream = StandInLitestream.in(dir);
    WriterLeaseKeeper other = keeper("instance-b");
    other.awaitLease();
    WriterLeaseKeeper writer = keeper("instance-c", litestream.replication());

    CompletableFuture<Void> waiting = CompletableFuture.runAsync(writer::awaitLease);
    assertThat(litestream.started())
        .as("no restore while another instance holds the lease")
        .isFalse();
    other.release();
    waiting.get(30, TimeUnit.SECONDS);
    litestream.awaitLines(3);
    assertThat(litestream.lines())
        .startsWith(
            "restore restore -config /etc/litestream.yml -if-db-not-exists -if-replica-exists "
                + litestream.database().toAbsolutePath(),
            "replicate replicate -config /etc/litestream.yml");

    writer.drain();
    writer.release();
    assertThat(litestream.lines()).last().isEqualTo("final sync");
    assertThat(store.currentHolder()).isNull();
  }

  @Test
  void aHandoverWaitsForTheAdmittedWritesThenSyncsThenReleases(@TempDir Path dir) throws Exception {
    var litestream = StandInLitestream.in(dir);
    var holderRef = new java.util.concurrent.atomic.AtomicReference<WriterLeaseKeeper>();
    PendingWrites lastCommitLands =
        timeout -> {
          litestream.note(
              "admitted writes finished, writes open: "
                  + holderRef.get().mayWrite()
                  + ", lease held by "
                  + store.currentHolder());
          return true;
        };
    var holder =
        keeper(
            new InMemoryWriterLease(store, "instance-h", TTL),
            litestream.replication(),
            lastCommitLands);
    holderRef.set(holder);
    holder.awaitLease();
    litestream.awaitLines(3);
    var successor = new InMemoryWriterLease(store, "instance-s", TTL);
    assertThat(successor.requestHandover()).isTrue();

    holder.renew();

    assertThat(holder.state()).isEqualTo(WriterLeaseKeeper.State.HANDED_OVER);
    assertThat(litestream.lines())
        .endsWith(
            "admitted writes finished, writes open: false, lease held by instance-h", "final sync");
    assertThat(store.currentHolder()).isNull();
  }

  @Test
  void aWriterThatLostItsLeaseKillsItsReplicationWithoutAFinalSync(@TempDir Path dir)
      throws Exception {
    var litestream = StandInLitestream.in(dir);
    var holder = keeper("instance-l", litestream.replication());
    holder.awaitLease();
    litestream.awaitLines(3);
    long pid = litestream.lastPid();
    store.goDown();

    clock.advance(TTL);
    holder.renew();

    assertThat(holder.state()).isEqualTo(WriterLeaseKeeper.State.LOST);
    awaitEnded(pid);
    holder.release();
    assertThat(litestream.lines()).doesNotContain("final sync");
  }

  private static void awaitEnded(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.nanoTime()).as("process %d ends", pid).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}

package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.testing.InMemoryReplicaMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica that goes missing after the first deploy stops the next startup instead of becoming an
 * empty database replicated over it (Litestream played by a stand-in script).
 */
class ReplicaMarkerTest {

  @TempDir Path directory;
  private final AtomicBoolean markerStore = new AtomicBoolean();
  private final InMemoryReplicaMarker marker = new InMemoryReplicaMarker(markerStore, true);

  @Test
  void aFirstDeployStartsEmptyAndSetsTheMarkerOnceReplicated() throws Exception {
    var litestream = StandInLitestream.in(directory);
    var first = litestream.replication(marker);

    first.restore();
    assertThat(Files.exists(litestream.database())).isFalse();
    first.start();
    awaitMarker();
    first.stop();
  }

  @Test
  void aRestoreThatFindsNothingOnceTheReplicaWasInitialisedStopsTheStartup() throws Exception {
    markerStore.set(true);
    var litestream = StandInLitestream.in(directory);

    assertThatThrownBy(() -> litestream.replication(marker).restore())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to start on an empty database");
    assertThat(Files.exists(litestream.database())).isFalse();
  }

  @Test
  void aRestoreThatFindsTheReplicaStartsAsBefore() throws Exception {
    markerStore.set(true);
    var litestream = StandInLitestream.in(directory);
    Files.writeString(litestream.replica(), "a database");

    litestream.replication(marker).restore();

    assertThat(litestream.database()).hasContent("a database");
  }

  @Test
  void aDatabaseThatIsAlreadyThereIsKept() throws Exception {
    markerStore.set(true);
    var litestream = StandInLitestream.in(directory);
    Files.writeString(litestream.database(), "kept");

    litestream.replication(marker).restore();

    assertThat(litestream.database()).hasContent("kept");
  }

  @Test
  void aStoreThatCannotTellStopsTheStartupToo() throws Exception {
    var litestream = StandInLitestream.in(directory);
    var unreachable = new InMemoryReplicaMarker(markerStore, false);

    assertThatThrownBy(() -> litestream.replication(unreachable).restore())
        .isInstanceOf(IllegalStateException.class);
  }

  private void awaitMarker() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!markerStore.get()) {
      assertThat(System.nanoTime()).as("the marker is set").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}

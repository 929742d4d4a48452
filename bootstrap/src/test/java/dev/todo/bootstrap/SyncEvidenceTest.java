package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncEvidenceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:30:00Z"));
  private final SyncEvidence evidence = new SyncEvidence(clock);

  @Test
  void noSyncIsKnownBeforeTheChildRanAWholeInterval() {
    assertThat(evidence.lastSyncAge()).isEmpty();
    evidence.started();
    clock.advance(SyncEvidence.SYNC_INTERVAL.minusMillis(1));
    assertThat(evidence.lastSyncAge()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(evidence.lastSyncAge()).hasValue(Duration.ZERO);
  }

  @Test
  void errorsMakeTheAgeGrowUntilAnIntervalPassesWithoutOne() {
    evidence.started();
    clock.advance(Duration.ofSeconds(5));
    assertThat(evidence.lastSyncAge()).hasValue(Duration.ZERO);
    for (int second = 0; second < 10; second++) {
      evidence.line("{\"time\":\"…\",\"level\":\"ERROR\",\"msg\":\"sync error\"}");
      clock.advance(Duration.ofMillis(500));
    }
    assertThat(evidence.lastSyncAge()).hasValue(Duration.ofSeconds(5));
    evidence.line("time=… level=INFO msg=\"replicating\"");
    clock.advance(SyncEvidence.SYNC_INTERVAL);
    assertThat(evidence.lastSyncAge()).hasValue(Duration.ZERO);
  }

  @Test
  void theAgeGrowsWhileTheChildIsNotRunning() {
    evidence.started();
    clock.advance(Duration.ofSeconds(3));
    evidence.ended();
    clock.advance(Duration.ofSeconds(7));
    assertThat(evidence.lastSyncAge()).hasValue(Duration.ofSeconds(7));
    evidence.started();
    clock.advance(Duration.ofMillis(500));
    assertThat(evidence.lastSyncAge()).hasValue(Duration.ofMillis(7_500));
  }
}

package dev.todo.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.port.out.WriterLease;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link WriterLease} promises. Each implementation supplies leases for several holders
 * over one shared store, all reading {@link #clock()}, plus a store that does not answer, and a way
 * to put any bytes into the store as the lease record.
 */
public abstract class WriterLeaseContract {

  protected static final Duration TTL = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:30:00Z"));

  protected MutableClock clock() {
    return clock;
  }

  /** A new, empty shared store; called before each test. */
  protected abstract void newStore();

  /** A lease for {@code holder} over the current shared store, with {@link #TTL}. */
  protected abstract WriterLease lease(String holder);

  /** A lease over a store that does not answer. */
  protected abstract WriterLease unreachableLease(String holder);

  /**
   * Puts {@code stored} into the current shared store as the lease record, byte for byte, as a
   * broken writer or a damaged store might leave it.
   */
  protected abstract void plantRawRecord(byte[] stored);

  private WriterLease a;
  private WriterLease b;

  @BeforeEach
  void twoHolders() {
    newStore();
    a = lease("instance-a");
    b = lease("instance-b");
  }

  @Test
  void theFirstHolderGetsAFreeLease() {
    assertThat(a.acquire()).isTrue();
    assertThat(a.holder()).isEqualTo("instance-a");
    assertThat(a.ttl()).isEqualTo(TTL);
  }

  @Test
  void anotherHolderIsRefusedWhileTheLeaseIsHeld() {
    assertThat(a.acquire()).isTrue();
    clock.advance(TTL.minusSeconds(1));
    assertThat(b.acquire()).isFalse();
    assertThat(b.renew()).isFalse();
  }

  @Test
  void acquiringAgainIsARenewalForTheHolder() {
    assertThat(a.acquire()).isTrue();
    clock.advance(TTL.minusSeconds(5));
    assertThat(a.acquire()).isTrue();
    clock.advance(Duration.ofSeconds(10));
    assertThat(b.acquire()).isFalse();
  }

  @Test
  void renewingKeepsTheLeaseBeyondTheFirstTtl() {
    assertThat(a.acquire()).isTrue();
    clock.advance(TTL.dividedBy(2));
    assertThat(a.renew()).isTrue();
    clock.advance(TTL.dividedBy(2).plusSeconds(5));
    assertThat(b.acquire()).isFalse();
    assertThat(a.renew()).isTrue();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheFormerHolderCannotRenewIt() {
    assertThat(a.acquire()).isTrue();
    clock.advance(TTL.plusSeconds(1));
    assertThat(b.acquire()).isTrue();
    assertThat(a.renew()).isFalse();
    assertThat(a.acquire()).isFalse();
    assertThat(b.renew()).isTrue();
  }

  @Test
  void anExpiredLeaseNobodyTookOverIsStillRenewedByItsHolder() {
    assertThat(a.acquire()).isTrue();
    clock.advance(TTL.plusSeconds(1));
    assertThat(a.renew()).isTrue();
    assertThat(b.acquire()).isFalse();
  }

  @Test
  void aRecordWrittenByAnotherInstanceHoldsUntilItExpires() {
    Instant expiresAt = clock.instant().plus(TTL);
    plantRawRecord(text("holder=instance-x\nexpires_at=" + expiresAt + "\n"));
    assertThat(b.acquire()).isFalse();
    clock.advance(TTL);
    assertThat(b.acquire()).isTrue();
  }

  static Stream<Named<byte[]>> corruptRecords() {
    return Stream.of(
        Named.of("garbage bytes", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 7, '\n', (byte) 0xc3}),
        Named.of("empty", new byte[0]),
        Named.of("malformed expires_at", text("holder=instance-x\nexpires_at=tomorrow\n")),
        Named.of("no expires_at", text("holder=instance-x\n")),
        Named.of("no holder", text("expires_at=2999-01-01T00:00:00Z\n")));
  }

  private static byte[] text(String stored) {
    return stored.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("corruptRecords")
  void aCorruptRecordCountsAsExpiredAndIsTakenOver(byte[] stored) {
    plantRawRecord(stored);
    assertThat(b.acquire()).isTrue();
    assertThat(b.renew()).isTrue();
    assertThat(a.acquire()).isFalse();
  }

  @Test
  void releasingFreesTheLeaseAtOnce() {
    assertThat(a.acquire()).isTrue();
    a.release();
    assertThat(a.renew()).isFalse();
    assertThat(b.acquire()).isTrue();
  }

  @Test
  void releasingALeaseHeldBySomeoneElseChangesNothing() {
    assertThat(a.acquire()).isTrue();
    b.release();
    assertThat(b.acquire()).isFalse();
    assertThat(a.renew()).isTrue();
  }

  @Test
  void renewingWithoutHoldingFails() {
    assertThat(a.renew()).isFalse();
    assertThat(b.acquire()).isTrue();
  }

  @Test
  void aReleasedLeaseCanBeTakenAgainByItsFormerHolder() {
    assertThat(a.acquire()).isTrue();
    a.release();
    assertThat(a.acquire()).isTrue();
    assertThat(b.acquire()).isFalse();
  }

  @Test
  void nobodyAsksForTheLeaseUntilAWaitingHolderDoes() {
    assertThat(a.acquire()).isTrue();
    assertThat(a.handoverRequest()).isEmpty();
    assertThat(b.acquire()).isFalse();
    assertThat(b.requestHandover()).isTrue();
    assertThat(a.handoverRequest()).hasValue(new HandoverRequest("instance-b", clock.instant()));
    assertThat(b.handoverRequest()).as("its own request does not count").isEmpty();
  }

  @Test
  void askingAgainRenewsTheRequestsTime() {
    assertThat(a.acquire()).isTrue();
    assertThat(b.requestHandover()).isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(b.requestHandover()).isTrue();
    assertThat(a.handoverRequest().orElseThrow().requestedAt()).isEqualTo(clock.instant());
  }

  @Test
  void theRequestIsClearedWhenTheAskingHolderTakesTheLease() {
    assertThat(a.acquire()).isTrue();
    assertThat(b.requestHandover()).isTrue();
    a.release();
    assertThat(b.acquire()).isTrue();
    assertThat(b.handoverRequest()).isEmpty();
    assertThat(a.handoverRequest()).isEmpty();
  }

  @Test
  void takingTheLeaseClearsAnyRequestSoADeadWaitersRequestDoesNotOutliveIt() {
    assertThat(b.requestHandover()).isTrue(); // b asks, then dies
    assertThat(a.acquire()).isTrue();
    assertThat(a.handoverRequest()).isEmpty();
  }

  @Test
  void releasingClearsTheRequestAndTheWaiterAsksAgain() {
    assertThat(a.acquire()).isTrue();
    assertThat(b.requestHandover()).isTrue();
    a.release();
    WriterLease c = lease("instance-c");
    assertThat(c.handoverRequest()).isEmpty();
    assertThat(b.requestHandover()).isTrue();
    assertThat(c.handoverRequest().map(HandoverRequest::requester)).hasValue("instance-b");
  }

  @Test
  void anUnreachableStoreMeansNotHeldAndNeverThrows() {
    WriterLease lost = unreachableLease("instance-c");
    assertThat(lost.acquire()).isFalse();
    assertThat(lost.renew()).isFalse();
    assertThat(lost.requestHandover()).isFalse();
    assertThat(lost.handoverRequest()).isEmpty();
    lost.release();
  }
}

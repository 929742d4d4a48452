package dev.todo.domain.testing;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.lease.LeaseRecord;
import dev.todo.domain.port.out.WriterLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link WriterLease} over a {@link Store} shared by the leases of several holders, like a bucket
 * shared by several instances. The store can be switched off to play an unreachable one.
 */
public final class InMemoryWriterLease implements WriterLease {

  /** The one lease record all holders compete for, stored as a bucket would store it. */
  public static final class Store {
    private static final byte[] NO_RECORD = new byte[0];

    private final Clock clock;
    private byte[] record = NO_RECORD;
    private byte[] handoverRequest = NO_RECORD;
    private volatile boolean reachable = true;

    public Store(Clock clock) {
      this.clock = clock;
    }

    public void goDown() {
      reachable = false;
    }

    public void comeBack() {
      reachable = true;
    }

    /** The current holder, or null when free or expired. */
    public synchronized String currentHolder() {
      LeaseRecord current = LeaseRecord.parse(record);
      return current.hasExpiredAt(clock.instant()) ? null : current.holder();
    }

    /** Replaces the record with {@code stored}, byte for byte, readable or not. */
    public synchronized void plantRawRecord(byte[] stored) {
      record = stored.clone();
    }

    synchronized boolean take(String who, Duration ttl, boolean onlyIfHeld) {
      if (!reachable) {
        return false;
      }
      LeaseRecord current = LeaseRecord.parse(record);
      Instant now = clock.instant();
      if (onlyIfHeld ? current.isHeldBy(who) : current.mayBeTakenBy(who, now)) {
        record = LeaseRecord.grantedTo(who, now, ttl).format();
        if (!onlyIfHeld) {
          handoverRequest = NO_RECORD;
        }
        return true;
      }
      return false;
    }

    synchronized boolean ask(String who) {
      if (!reachable) {
        return false;
      }
      handoverRequest = new HandoverRequest(who, clock.instant()).format();
      return true;
    }

    /** Replaces the handover request with {@code stored}, byte for byte. */
    public synchronized void plantRawHandoverRequest(byte[] stored) {
      handoverRequest = stored.clone();
    }

    synchronized Optional<HandoverRequest> askedBySomeoneElse(String who) {
      return reachable
          ? HandoverRequest.parse(handoverRequest)
              .filter(request -> !request.requester().equals(who))
          : Optional.empty();
    }

    synchronized void giveUp(String who) {
      if (reachable && LeaseRecord.parse(record).isHeldBy(who)) {
        record = NO_RECORD;
        handoverRequest = NO_RECORD;
      }
    }
  }

  private final Store store;
  private final String holder;
  private final Duration ttl;

  public InMemoryWriterLease(Store store, String holder, Duration ttl) {
    this.store = store;
    this.holder = holder;
    this.ttl = ttl;
  }

  @Override
  public String holder() {
    return holder;
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public boolean acquire() {
    return store.take(holder, ttl, false);
  }

  @Override
  public boolean renew() {
    return store.take(holder, ttl, true);
  }

  @Override
  public void release() {
    store.giveUp(holder);
  }

  @Override
  public boolean requestHandover() {
    return store.ask(holder);
  }

  @Override
  public Optional<HandoverRequest> handoverRequest() {
    return store.askedBySomeoneElse(holder);
  }
}

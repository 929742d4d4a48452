package dev.todo.bootstrap;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.port.out.PendingWrites;
import dev.todo.domain.port.out.WriterLease;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanProvider;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds this instance's {@link WriterLease} for as long as it may write: takes it before the
 * database opens (blocking the startup, so the instance stays unready while another one holds it),
 * restores the database and starts its replication only then, renews the lease every third of its
 * ttl, lets writes through only while the lease is safely valid, stops them on shutdown ({@link
 * #drain()}) and waits for the writes already admitted, and at the very end stops the replication
 * (its final sync) and releases the lease.
 */
@Singleton
@SingleWriter
class WriterLeaseKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(WriterLeaseKeeper.class);

  enum State {
    WAITING,
    /** Held; the database is being restored and replication started. */
    STARTING,
    HOLDING,
    DRAINING,
    LOST,
    /** Given to the instance that asked for it; this one no longer serves and stops itself. */
    HANDED_OVER,
    RELEASED
  }

  private final WriterLease lease;
  private final LitestreamReplication replication;
  private final PendingWrites pendingWrites;
  private final Clock clock;
  private final Duration retryInterval;
  private final Duration releaseDelay;
  private final Duration drainTimeout;
  private final Duration safetyMargin;
  private final boolean handover;
  private final Runnable stopThisInstance;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("writer-lease").daemon().factory());
  private volatile State state = State.WAITING;
  private volatile Instant validUntil = Instant.MIN;

  @Inject
  WriterLeaseKeeper(
      WriterLease lease,
      LitestreamReplication replication,
      // The writer opens the database, which waits for this keeper: looked up when first needed.
      BeanProvider<PendingWrites> pendingWrites,
      Clock clock,
      LeaseConfiguration configuration,
      ApplicationContext context) {
    this(
        lease,
        replication,
        timeout -> pendingWrites.get().awaitFinished(timeout),
        clock,
        configuration,
        () -> Thread.ofPlatform().name("writer-lease-handover").start(context::stop));
  }

  WriterLeaseKeeper(
      WriterLease lease,
      LitestreamReplication replication,
      PendingWrites pendingWrites,
      Clock clock,
      LeaseConfiguration configuration,
      Runnable stopThisInstance) {
    this.lease = lease;
    this.replication = replication;
    this.pendingWrites = pendingWrites;
    this.clock = clock;
    this.retryInterval = configuration.retryInterval();
    this.releaseDelay = configuration.releaseDelay();
    this.drainTimeout = configuration.drainTimeout();
    this.safetyMargin = lease.ttl().dividedBy(5);
    this.handover = configuration.handover();
    this.stopThisInstance = stopThisInstance;
  }

  /** Blocks until this instance holds the lease, then keeps renewing it. Idempotent. */
  synchronized void awaitLease() {
    if (state != State.WAITING) {
      return;
    }
    boolean told = false;
    // Valid from before the acquire, as the renewals count: the record's expiry is not later.
    Instant asked = clock.instant();
    while (!lease.acquire()) {
      if (!told) {
        LOG.info(
            "Another instance holds the writer lease; waiting for it (retry every {}{})",
            retryInterval,
            handover ? ", handover requested" : "");
        told = true;
      }
      if (handover) {
        lease.requestHandover();
      }
      try {
        Thread.sleep(retryInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the writer lease", e);
      }
      asked = clock.instant();
    }
    validUntil = asked.plus(lease.ttl());
    state = State.STARTING;
    long period = Math.max(1, lease.ttl().dividedBy(3).toMillis());
    renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    LOG.info("This instance holds the writer lease as {}", lease.holder());
    // Only now, with the previous writer gone: the latest replica, then replication of our writes.
    replication.restore();
    replication.start();
    state = State.HOLDING;
  }

  /**
   * Whether a write may start, and a batch of writes commit, now: the lease is held, valid beyond a
   * safety margin, not draining, and Litestream (if configured) is running: a write it would not
   * replicate is refused. Valid until: {@link WriterLease#ttl()} after the start of the last
   * successful acquire or renew (not later than the stored expiry); the margin, a fifth of the ttl,
   * covers the clocks of two instances disagreeing and the moment between this check and the
   * commit.
   */
  boolean mayWrite() {
    // HANDED_OVER, LOST, DRAINING and WAITING all refuse; so does a replication that is down.
    return state == State.HOLDING
        && clock.instant().isBefore(validUntil.minus(safetyMargin))
        && replication.isReplicating();
  }

  State state() {
    return state;
  }

  /**
   * Stops taking writes (shutdown has begun) and waits, at most the drain time-out, until the
   * writes admitted before have committed or failed; the lease stays held until {@link #release()}.
   */
  void drain() {
    if (state == State.HOLDING) {
      state = State.DRAINING;
      LOG.info("Shutting down: no more writes are accepted");
      awaitAdmittedWrites();
    }
  }

  /**
   * From here on the commit fence refuses every batch; a batch that passed it just before may still
   * be committing, and must be in the WAL before Litestream's final sync reads it.
   */
  private void awaitAdmittedWrites() {
    if (!pendingWrites.awaitFinished(drainTimeout)) {
      LOG.warn(
          "Writes admitted before the drain were still under way after {}; syncing regardless",
          drainTimeout);
    }
  }

  /** One renewal; scheduled every third of the ttl, called directly by tests. */
  void renew() {
    if (state != State.STARTING && state != State.HOLDING && state != State.DRAINING) {
      return;
    }
    Instant now = clock.instant();
    if (lease.renew()) {
      validUntil = now.plus(lease.ttl());
      if (handover && state == State.HOLDING) {
        lease
            .handoverRequest()
            .filter(request -> request.standsAt(now, requestsStandFor()))
            .map(HandoverRequest::requester)
            .filter(this::mayHandOverTo)
            .ifPresent(who -> handOver());
      }
    } else if (!now.isBefore(validUntil.minus(safetyMargin))) {
      state = State.LOST;
      LOG.error(
          "The writer lease could not be renewed before it ran out: this instance no longer"
              + " writes and stops, so that a new one restores the database and waits for the lease");
      // Another writer may own the replica now: a final sync of this copy would overwrite its.
      replication.kill();
      renewer.shutdown();
      stopThisInstance.run();
    } else {
      LOG.warn("Renewing the writer lease failed; retrying until {}", validUntil);
    }
  }

  /**
   * A waiting instance asks again at every retry; one whose request is three retries old has died
   * or given up, and a holder that yielded to it would stop for nobody.
   */
  private Duration requestsStandFor() {
    return retryInterval.multipliedBy(3);
  }

  /**
   * Only to an instance of the same or a newer revision (holder ids start with Cloud Run's {@code
   * K_REVISION}, whose names carry a zero-padded counter): an instance of the old revision that
   * Cloud Run starts again during a rollout must not take the lease back from the new one.
   */
  boolean mayHandOverTo(String requester) {
    return revisionOf(requester).compareTo(revisionOf(lease.holder())) >= 0;
  }

  private static String revisionOf(String holder) {
    int slash = holder.indexOf('/');
    return slash < 0 ? "" : holder.substring(0, slash);
  }

  /**
   * Another instance (a new revision) asked for the lease: stop writes, wait for those admitted,
   * let replication finish its final sync, release the lease, and stop this instance, whose
   * database copy is now out of date.
   */
  private void handOver() {
    LOG.info("Another instance asked for the writer lease: handing it over and stopping");
    state = State.DRAINING;
    awaitAdmittedWrites();
    replication.stop();
    lease.release();
    state = State.HANDED_OVER;
    renewer.shutdown();
    stopThisInstance.run();
  }

  /** Last step of the shutdown: the replication's final sync, then the lease is given up. */
  @PreDestroy
  void release() {
    renewer.shutdownNow();
    State before = state;
    if (before == State.STARTING || before == State.HOLDING || before == State.DRAINING) {
      state = State.DRAINING;
      replication.stop();
      if (!releaseDelay.isZero()) {
        try {
          Thread.sleep(releaseDelay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      lease.release();
      LOG.info("Released the writer lease");
    }
    state = State.RELEASED;
  }
}

package dev.todo.domain.port.out;

import dev.todo.domain.lease.HandoverRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The right to be the one instance that writes to the database (SQLite allows one writer). It is
 * held for {@link #ttl()} from the last successful {@link #acquire()} or {@link #renew()}; another
 * holder can take it only once it has expired or been released. Every method reports a store that
 * does not answer as "not held" ({@code false}) instead of throwing.
 */
public interface WriterLease {

  /** Who this lease speaks for: unique per running instance. */
  String holder();

  /** How long the lease stays valid after a successful acquire or renew. */
  Duration ttl();

  /**
   * Takes the lease when nobody holds it or the holder's lease has expired; renews it when this
   * holder has it already.
   *
   * @return whether this holder holds the lease now, for {@link #ttl()} from now
   */
  boolean acquire();

  /**
   * Extends this holder's lease by {@link #ttl()} from now.
   *
   * @return false when this holder does not hold it (never did, released it, or another holder took
   *     it over after it expired) or the store did not answer
   */
  boolean renew();

  /**
   * Gives the lease up at once if this holder has it, and clears the handover request (a waiting
   * requester asks again); does nothing otherwise.
   */
  void release();

  /**
   * Asks whoever holds the lease to hand it over to this holder (a new instance during a rollout),
   * time-stamped now; a waiting holder asks again at every retry. Taking the lease, by anyone,
   * clears the request.
   *
   * @return false when the store did not answer
   */
  boolean requestHandover();

  /**
   * Another holder's request for the lease, if any, however old (the caller decides whether it
   * still stands); empty also when the store does not answer.
   */
  Optional<HandoverRequest> handoverRequest();
}

package dev.todo.domain.port.out;

/**
 * Whether the database has ever been replicated. Set once the first replica exists, it tells a lost
 * replica (a restore that finds nothing although there was one) from a first deploy, so that the
 * service never starts on an empty database that it would then replicate over the lost one.
 */
public interface ReplicaMarker {

  /**
   * Whether the replica was initialised.
   *
   * @throws IllegalStateException when the store does not answer: "cannot tell" is not "no"
   */
  boolean isSet();

  /**
   * Records that the replica was initialised; idempotent.
   *
   * @return false when the store did not answer (nothing recorded; the caller tries again)
   */
  boolean set();
}

package dev.todo.domain.port.out;

import dev.todo.domain.identity.Caller;
import java.time.Instant;

/** The users who have written something; a user is registered just in time, on a first write. */
public interface UserRepository {

  /** Registers the caller if unknown, or refreshes their e-mail and name; idempotent. */
  void register(Caller caller, Instant now);
}

package dev.todo.domain.port.out;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.user.KnownUser;
import java.time.Instant;
import java.util.Optional;

/** The users known to the service. */
public interface UserRepository {

  /**
   * Makes the caller known, or refreshes what their token says: an e-mail or name it carries
   * replaces the stored one; one it lacks leaves the stored value as it is. Idempotent, and no
   * write when nothing changed.
   */
  void register(Caller caller, Instant now);

  Optional<KnownUser> findById(String subject);

  /**
   * The known user with this e-mail, compared case-insensitively ({@link KnownUser#emailKey}); when
   * several share it, the one known the longest.
   */
  Optional<KnownUser> findByEmail(String email);

  /**
   * Forgets the user, who no longer owns or is a member of any list; a later {@link #register}
   * makes them known afresh. Does nothing for an unknown user.
   */
  void delete(String subject);
}

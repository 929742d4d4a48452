package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import java.util.Optional;

/**
 * Erases the caller's account for good: the lists they own with everything in them (the files'
 * objects too), their memberships and their user record; in the lists of others the to-dos they
 * touched stay, without their name, and audit events stay by nobody. The next request of the same
 * user starts a new, empty account.
 */
public interface EraseAccountUseCase {

  /**
   * Erases the account when {@code confirm} is the caller's own user id; anything else is a
   * validation error and changes nothing. A {@code readonly} caller is refused.
   */
  void erase(Caller caller, Optional<String> confirm);
}

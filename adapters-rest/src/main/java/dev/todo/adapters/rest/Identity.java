package dev.todo.adapters.rest;

import dev.todo.domain.identity.Caller;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent the request, as read from the bearer token's claims (the gateway has verified it).
 *
 * @param subject the {@code sub} claim, never blank
 * @param email the {@code email} claim, or null
 * @param name the {@code name} claim, else {@code preferred_username}, or null
 * @param roles the strings of the configured roles claim, empty without it
 */
record Identity(String subject, String email, String name, List<String> roles) {

  Identity {
    roles = List.copyOf(roles);
  }

  /** The domain's view of the same person. */
  Caller caller() {
    return new Caller(
        subject, Optional.ofNullable(email), Optional.ofNullable(name), Set.copyOf(roles));
  }
}

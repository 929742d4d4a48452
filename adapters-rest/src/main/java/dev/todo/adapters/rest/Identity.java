package dev.todo.adapters.rest;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent the request, as read from the bearer token's claims (the gateway has verified it). The
 * first {@link #caller()} of a request also makes the user known to the service (the contract's
 * users are known from their first authenticated request): on the controller's thread, never on the
 * event loop, and once per request.
 */
final class Identity {

  private final String subject;
  private final String email;
  private final String name;
  private final List<String> roles;
  private RecogniseUserUseCase recogniser;
  private Caller caller;

  /**
   * @param subject the {@code sub} claim, never blank
   * @param email the {@code email} claim, or null
   * @param name the {@code name} claim, else {@code preferred_username}, or null
   * @param roles the strings of the configured roles claim, empty without it
   */
  Identity(String subject, String email, String name, List<String> roles) {
    this.subject = subject;
    this.email = email;
    this.name = name;
    this.roles = List.copyOf(roles);
  }

  /** The same identity, made known through {@code recogniser} on the first {@link #caller()}. */
  Identity recognisedBy(RecogniseUserUseCase value) {
    recogniser = value;
    return this;
  }

  String subject() {
    return subject;
  }

  String email() {
    return email;
  }

  String name() {
    return name;
  }

  List<String> roles() {
    return roles;
  }

  /** The domain's view of the same person, known to the service from now on. */
  synchronized Caller caller() {
    if (caller == null) {
      caller =
          new Caller(
              subject, Optional.ofNullable(email), Optional.ofNullable(name), Set.copyOf(roles));
      if (recogniser != null) {
        recogniser.recognise(caller);
      }
    }
    return caller;
  }
}

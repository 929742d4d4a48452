package dev.todo.adapters.rest;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Callers that hold the {@code admin} role by who they are rather than by a roles claim: the
 * production scheduler's service account, whose Google-signed OIDC token has {@code sub} = the
 * account's numeric unique id, {@code iss} = {@value #GOOGLE_ISSUER} and no roles. A subject counts
 * only together with the configured issuer, so that a user of the sign-in provider whose {@code
 * sub} happens to read the same (the local provider lets anyone pick theirs) gains nothing.
 *
 * <p>Trust: tokens are only decoded here unless {@code TODO_AUTH_JWKS_URI} is set. Such a token
 * reaches the service only directly through Cloud Run's invoker check (IAM verifies Google's
 * signature and the audience, then forwards the token with its signature replaced); through the
 * gateway it would need the provider's signature and issuer. docs/decisions.md, "Scheduled trash
 * purge".
 */
final class AdminSubjects {

  static final String GOOGLE_ISSUER = "https://accounts.google.com";

  private final String issuer;
  private final Set<String> subjects;

  AdminSubjects(String issuer, Optional<String> subjects) {
    this.issuer = issuer == null ? "" : issuer.strip();
    this.subjects =
        subjects.stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .map(String::strip)
            .filter(subject -> !subject.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  static AdminSubjects of(AuthConfiguration configuration) {
    return new AdminSubjects(configuration.adminSubjectsIssuer(), configuration.adminSubjects());
  }

  /** Whether a token with this issuer and subject holds the admin role; null never does. */
  boolean grantAdmin(String tokenIssuer, String subject) {
    return !issuer.isEmpty()
        && issuer.equals(tokenIssuer)
        && subject != null
        && subjects.contains(subject);
  }

  Set<String> subjects() {
    return subjects;
  }

  String issuer() {
    return issuer;
  }
}

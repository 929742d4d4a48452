package dev.todo.adapters.rest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Optional;

/**
 * How identities are read from tokens ({@code todo.auth.*}).
 *
 * @param rolesClaim the claim holding the roles (env {@code TODO_AUTH_ROLES_CLAIM}); a dotted name
 *     such as {@code realm_access.roles} is looked up in nested objects when no top-level claim has
 *     that name
 * @param jwksUri the provider's JWKS (env {@code TODO_AUTH_JWKS_URI}): set, tokens must be signed
 *     by one of its keys and unexpired; unset or blank, tokens are only decoded (the gateway
 *     verified them)
 * @param jwksRefetchInterval the window in which at most two fetches of the JWKS happen
 * @param adminSubjects comma-separated {@code sub} values that hold the {@code admin} role without
 *     a roles claim (env {@code TODO_AUTH_ADMIN_SUBJECTS}; production: the trash-purge scheduler's
 *     service account), unset or blank: none ({@link AdminSubjects})
 * @param adminSubjectsIssuer the {@code iss} those subjects must come with (env {@code
 *     TODO_AUTH_ADMIN_SUBJECTS_ISSUER}, default Google's); blank: the subjects grant nothing
 */
@ConfigurationProperties("todo.auth")
record AuthConfiguration(
    @Bindable(defaultValue = "roles") String rolesClaim,
    Optional<String> jwksUri,
    @Bindable(defaultValue = "30s") Duration jwksRefetchInterval,
    Optional<String> adminSubjects,
    @Bindable(defaultValue = AdminSubjects.GOOGLE_ISSUER) String adminSubjectsIssuer) {}

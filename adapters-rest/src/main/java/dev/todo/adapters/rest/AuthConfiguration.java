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
 */
@ConfigurationProperties("todo.auth")
record AuthConfiguration(
    @Bindable(defaultValue = "roles") String rolesClaim,
    Optional<String> jwksUri,
    @Bindable(defaultValue = "30s") Duration jwksRefetchInterval) {}

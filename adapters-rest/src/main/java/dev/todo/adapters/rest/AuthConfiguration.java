package dev.todo.adapters.rest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How identities are read from tokens ({@code todo.auth.*}).
 *
 * @param rolesClaim the claim holding the roles (env {@code TODO_AUTH_ROLES_CLAIM}); a dotted name
 *     such as {@code realm_access.roles} is looked up in nested objects when no top-level claim has
 *     that name
 */
@ConfigurationProperties("todo.auth")
record AuthConfiguration(@Bindable(defaultValue = "roles") String rolesClaim) {}

package dev.todo.adapters.rest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What the browser needs to sign in ({@code todo.oidc.*}; env {@code TODO_OIDC_ISSUER}, {@code
 * TODO_OIDC_CLIENT_ID}, {@code TODO_OIDC_SCOPE}).
 */
@ConfigurationProperties("todo.oidc")
public record OidcConfiguration(
    @Bindable(defaultValue = "http://localhost:8081/todo") String issuer,
    @Bindable(defaultValue = "todo-web") String clientId,
    @Bindable(defaultValue = "openid profile email") String scope) {}

package dev.todo.adapters.rest.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What the browser app's pages may reach ({@code todo.web.*}).
 *
 * @param connectSrc extra origins the app may call, space-separated (env {@code
 *     TODO_WEB_CONNECT_SRC}), added to the Content-Security-Policy's {@code connect-src}
 */
@ConfigurationProperties("todo.web")
record WebConfiguration(@Bindable(defaultValue = "") String connectSrc) {}

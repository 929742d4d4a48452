package dev.todo.adapters.rest;

import dev.todo.domain.port.in.RecogniseUserUseCase;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Gives every controller method that declares an {@link Identity} parameter the caller, or fails
 * the request with 403/401 before anything else about it is looked at. Routes without such a
 * parameter (health, config, the OpenAPI document) are public.
 */
@Singleton
final class IdentityBinder implements TypedRequestArgumentBinder<Identity> {

  private final BearerTokens tokens;
  private final RecogniseUserUseCase knownUsers;

  IdentityBinder(BearerTokens tokens, RecogniseUserUseCase knownUsers) {
    this.tokens = tokens;
    this.knownUsers = knownUsers;
  }

  @Override
  public Argument<Identity> argumentType() {
    return Argument.of(Identity.class);
  }

  @Override
  public BindingResult<Identity> bind(
      ArgumentConversionContext<Identity> context, HttpRequest<?> source) {
    var identity = tokens.identify(source).recognisedBy(knownUsers);
    return () -> Optional.of(identity);
  }
}

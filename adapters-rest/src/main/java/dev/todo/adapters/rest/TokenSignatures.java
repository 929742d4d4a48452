package dev.todo.adapters.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTProcessor;
import dev.todo.domain.error.ServiceUnavailableException;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Defence in depth behind the gateway, off unless {@code TODO_AUTH_JWKS_URI} is set: then every
 * token must be signed (RSA or EC) by a key of that JWKS and be unexpired. The key set is cached
 * (Nimbus: five minutes, refreshed ahead of expiry); a token whose {@code kid} the cache lacks
 * makes it fetch the set again, at most twice in {@code jwks-refetch-interval}, so rotation needs
 * no restart and unknown keys cannot make the service hammer the provider.
 */
@Singleton
final class TokenSignatures {

  private static final Set<JWSAlgorithm> ACCEPTED =
      Stream.concat(JWSAlgorithm.Family.RSA.stream(), JWSAlgorithm.Family.EC.stream())
          .collect(Collectors.toUnmodifiableSet());

  private final Optional<JWTProcessor<SecurityContext>> processor;

  TokenSignatures(AuthConfiguration configuration) {
    this.processor =
        configuration
            .jwksUri()
            .filter(uri -> !uri.isBlank())
            .map(uri -> processor(uri.strip(), configuration.jwksRefetchInterval()));
  }

  /** Throws when verification is on and the token is not signed by a known key, or expired. */
  void verify(JWT token) {
    if (processor.isEmpty()) {
      return;
    }
    try {
      processor.get().process(token, null);
    } catch (BadJOSEException e) {
      throw new InvalidTokenException("The token's signature or lifetime is not valid");
    } catch (RateLimitReachedException e) {
      throw new InvalidTokenException("The token is signed by an unknown key");
    } catch (JOSEException e) {
      throw new ServiceUnavailableException(
          "The signing keys cannot be fetched; try again shortly", Duration.ofSeconds(5), e);
    }
  }

  private static JWTProcessor<SecurityContext> processor(String uri, Duration refetchInterval) {
    var keys =
        JWKSourceBuilder.<SecurityContext>create(url(uri))
            .rateLimited(refetchInterval.toMillis())
            .build();
    var processor = new DefaultJWTProcessor<SecurityContext>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, Set.of("sub", "exp")));
    return processor;
  }

  private static java.net.URL url(String uri) {
    try {
      return URI.create(uri).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("TODO_AUTH_JWKS_URI is not a URL: " + uri, e);
    }
  }
}

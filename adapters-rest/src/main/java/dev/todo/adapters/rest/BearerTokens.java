package dev.todo.adapters.rest;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.todo.domain.identity.Caller;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the caller from {@code Authorization: Bearer <jwt>}. The gateway in front of the service
 * has verified the signature and expiry, so by default this only decodes the payload (signed or
 * unsecured JWT; an encrypted one cannot be read and is invalid); with {@link TokenSignatures} on,
 * the token must also pass their check. The subjects of {@link AdminSubjects} get the {@code admin}
 * role on top of whatever the roles claim says.
 */
@Singleton
final class BearerTokens {

  private static final Logger LOG = LoggerFactory.getLogger(BearerTokens.class);
  private static final String BEARER = "Bearer";

  private final AuthConfiguration configuration;
  private final TokenSignatures signatures;
  private final AdminSubjects adminSubjects;

  BearerTokens(AuthConfiguration configuration, TokenSignatures signatures) {
    this.configuration = configuration;
    this.signatures = signatures;
    this.adminSubjects = AdminSubjects.of(configuration);
    if (!adminSubjects.subjects().isEmpty()) {
      LOG.info(
          "{} subject(s) of issuer '{}' hold the admin role (TODO_AUTH_ADMIN_SUBJECTS)",
          adminSubjects.subjects().size(),
          adminSubjects.issuer());
    }
  }

  Identity identify(HttpRequest<?> request) {
    var header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      throw new AuthenticationRequiredException();
    }
    var value = header.strip();
    var space = value.indexOf(' ');
    var scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.equalsIgnoreCase(BEARER)) {
      throw new AuthenticationRequiredException();
    }
    return identify(space < 0 ? "" : value.substring(space + 1).strip());
  }

  Identity identify(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidTokenException("The bearer token is not a readable JWT");
    }
    if (jwt instanceof EncryptedJWT) {
      throw new InvalidTokenException("Encrypted tokens are not supported");
    }
    signatures.verify(jwt);
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
      if (jwt instanceof JOSEObject jose
          && jose.getPayload().toJSONObject() instanceof Map<String, Object> raw
          && raw.get("sub") != null
          && !(raw.get("sub") instanceof String)) {
        // the claims parser turns a numeric sub into text; the contract wants a string
        throw new InvalidTokenException("The token's subject is not a string");
      }
    } catch (ParseException | RuntimeException e) {
      if (e instanceof InvalidTokenException invalid) {
        throw invalid;
      }
      throw new InvalidTokenException("The bearer token is not a readable JWT");
    }
    var subject = string(claims, "sub");
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("The token has no subject");
    }
    var name = string(claims, "name");
    if (name == null) {
      name = string(claims, "preferred_username");
    }
    var roles = roles(claims);
    if (adminSubjects.grantAdmin(string(claims, "iss"), subject) && !roles.contains(Caller.ADMIN)) {
      roles.add(Caller.ADMIN);
    }
    return new Identity(subject, string(claims, "email"), name, roles);
  }

  private ArrayList<String> roles(JWTClaimsSet claims) {
    var claimName = configuration.rolesClaim();
    Object value = claims.getClaim(claimName);
    if (value == null && claimName.contains(".")) {
      value = nested(claims.getClaims(), claimName.split("\\."));
    }
    var roles = new ArrayList<String>();
    if (value instanceof String single) {
      roles.add(single);
    } else if (value instanceof Collection<?> many) {
      for (var role : many) {
        if (role instanceof String text) {
          roles.add(text);
        }
      }
    }
    return roles;
  }

  private static Object nested(Map<String, Object> claims, String[] path) {
    Object current = claims;
    for (var part : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  private static String string(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value ? value : null;
  }
}

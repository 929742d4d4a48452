package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.todo.domain.error.ServiceUnavailableException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With {@code todo.auth.jwks-uri} set, tokens must be signed by a key the JWKS serves and be
 * unexpired. RS256 keys made here, the JWKS served by a local HTTP server that counts its fetches.
 * The tests run in order: they share the service's key cache, as a rotation does.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenSignaturesTest implements TestPropertyProvider {

  private final RSAKey first = key("first");
  private final RSAKey second = key("second");
  private final AtomicReference<JWKSet> served = new AtomicReference<>(new JWKSet(first));
  private final AtomicInteger fetches = new AtomicInteger();
  private final HttpServer jwks = serve();

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;

  @Override
  public Map<String, String> getProperties() {
    var uri = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
    return Map.of(
        "todo.auth.jwks-uri", uri, "todo.auth.admin-subjects", AdminSubjectsTest.SCHEDULER);
  }

  @BeforeEach
  void client() {
    api = new Api(server.getURL(), json);
  }

  @AfterAll
  void stopJwks() {
    jwks.stop(0);
  }

  @Test
  @Order(1)
  void aTokenSignedByAServedKeyAndUnexpiredIsAccepted() {
    var reply = me(token(first, "alice", Instant.now().plusSeconds(300)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map()).containsEntry("id", "alice");
  }

  @Test
  @Order(2)
  void expiredForgedUnsignedAndHmacTokensAre401InTheEnvelope() {
    var forged = token(key(first.getKeyID()), "mallory", Instant.now().plusSeconds(300));
    var expired = token(first, "alice", Instant.now().minusSeconds(120));
    for (var token :
        List.of(expired, forged, Tokens.unsecured("alice"), Tokens.signed("a", Map.of()))) {
      var reply = me(token);

      assertThat(reply.status()).as(token).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo("INVALID_TOKEN");
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  @Order(3)
  void afterARotationTheNewKeyIsFetchedOnItsFirstTokenAndTheRemovedKeyNoLongerPasses() {
    served.set(new JWKSet(second));

    assertThat(me(token(second, "alice", Instant.now().plusSeconds(300))).status()).isEqualTo(200);
    assertThat(fetches).hasValue(2);
    assertThat(me(token(first, "alice", Instant.now().plusSeconds(300))).status()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void unknownKeysDoNotMakeTheServiceFetchTheSetOverAndOver() {
    int before = fetches.get();
    for (int i = 0; i < 5; i++) {
      var stranger = key("unknown-" + i);

      assertThat(me(token(stranger, "alice", Instant.now().plusSeconds(300))).status())
          .isEqualTo(401);
    }
    assertThat(fetches.get() - before).isLessThanOrEqualTo(1);
  }

  @Test
  @Order(5)
  void keysThatCannotBeFetchedMake503NotA401() throws Exception {
    var unreachable =
        new AuthConfiguration(
            "roles",
            Optional.of("http://127.0.0.1:1/jwks.json"),
            Duration.ofSeconds(30),
            Optional.empty(),
            AdminSubjects.GOOGLE_ISSUER);
    var token = SignedJWT.parse(token(first, "alice", Instant.now().plusSeconds(300)));

    assertThatThrownBy(() -> new TokenSignatures(unreachable).verify(token))
        .isInstanceOf(ServiceUnavailableException.class);
  }

  @Test
  @Order(6)
  void withVerificationOnAnAdminSubjectsTokenWhoseSignatureCloudRunRemovedIsRefused() {
    var stripped =
        AdminSubjectsTest.googleToken(
            AdminSubjectsTest.SCHEDULER, AdminSubjects.GOOGLE_ISSUER, Map.of());

    var reply = me(stripped);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("INVALID_TOKEN");
  }

  private Api.Reply me(String token) {
    return api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();
  }

  private static String token(RSAKey key, String subject, Instant expires) {
    var claims =
        new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires)).build();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static RSAKey key(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpServer serve() {
    try {
      var http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.createContext(
          "/jwks.json",
          exchange -> {
            fetches.incrementAndGet();
            // JWKSet.toString() writes the public parts only
            var body = served.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      http.start();
      return http;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

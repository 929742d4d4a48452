package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens to callers: who is let in, who is told 403 or 401, and what /me shows. */
@MicronautTest
@Property(name = "todo.auth.roles-claim", value = "groups")
class IdentityTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(server.getURL(), json);
  }

  @Test
  void meShowsTheTokensClaims() {
    var token =
        Tokens.signed(
            "user-1",
            Map.of(
                "email", "ada@example.com",
                "name", "Ada",
                "preferred_username", "ada",
                "groups", List.of("admin", "readonly")));

    var reply = api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map())
        .isEqualTo(
            Map.of(
                "id", "user-1",
                "email", "ada@example.com",
                "name", "Ada",
                "roles", List.of("admin", "readonly")));
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void aFirstRequestMakesTheUserKnownSoOthersCanAddThemByEmail() {
    var grace = Tokens.signed("grace", Map.of("email", "Grace@Example.com", "name", "Grace"));
    api.get("/api/v1/me").header("Authorization", "Bearer " + grace).send();
    var list =
        api.call("POST", "/api/v1/lists").as("alice").json("{\"name\":\"Team\"}").send().map();

    var added =
        api.call("POST", "/api/v1/lists/" + list.get("id") + "/members")
            .as("alice")
            .json("{\"email\":\"grace@example.com\",\"role\":\"viewer\"}")
            .send();

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.map().get("user"))
        .isEqualTo(Map.of("id", "grace", "name", "Grace", "email", "Grace@Example.com"));
  }

  @Test
  void nameFallsBackToPreferredUsernameAndMissingClaimsAreNullOrEmpty() {
    var token =
        Tokens.signed("user-2", Map.of("preferred_username", "bob", "roles", List.of("admin")));

    var reply = api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();

    assertThat(reply.body())
        .isEqualTo("{\"id\":\"user-2\",\"email\":null,\"name\":\"bob\",\"roles\":[]}");
  }

  @Test
  void theSignatureIsNotCheckedAndUnsecuredTokensAreRead() {
    var reply =
        api.get("/api/v1/me").header("Authorization", "bearer " + Tokens.unsecured("plain")).send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.map()).containsEntry("id", "plain").containsEntry("name", null);
  }

  @Test
  void noOrNonBearerAuthorizationIs403AuthenticationRequired() {
    for (var header : new String[] {null, "Basic YWxpY2U6c2VjcmV0", "Token abc", "Bearerabc"}) {
      var call = api.get("/api/v1/me");
      if (header != null) {
        call.header("Authorization", header);
      }
      var reply = call.send();
      assertThat(reply.status()).as(String.valueOf(header)).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo("AUTHENTICATION_REQUIRED");
      assertThat(reply.header("WWW-Authenticate")).isNull();
    }
  }

  @Test
  void unreadableTokensOrNoSubjectAre401InvalidToken() {
    var noSub = Tokens.signed(null, Map.of("email", "x@example.com"));
    var emptySub = Tokens.signed("", Map.of());
    var blankSub = Tokens.signed("   ", Map.of());
    var numericSub =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":42}".getBytes())
            + ".";
    for (var token :
        List.of("not-a-jwt", "a.b.c", "Bearer x", noSub, emptySub, blankSub, numericSub, "")) {
      var reply = api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();
      assertThat(reply.status()).as(token).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo("INVALID_TOKEN");
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }
  }

  @Test
  void everyTodoRouteNeedsAToken() {
    var routes =
        List.of(
            List.of("GET", "/api/v1/todos"),
            List.of("POST", "/api/v1/todos"),
            List.of("PATCH", "/api/v1/todos"),
            List.of("DELETE", "/api/v1/todos?status=all"),
            List.of("GET", "/api/v1/todos/stats"),
            List.of("GET", "/api/v1/todos/0b9c8f3e-5d7a-4c1e-9a53-3f0f1d2c4b5a"),
            List.of("PUT", "/api/v1/todos/0b9c8f3e-5d7a-4c1e-9a53-3f0f1d2c4b5a"),
            List.of("PATCH", "/api/v1/todos/0b9c8f3e-5d7a-4c1e-9a53-3f0f1d2c4b5a"),
            List.of("DELETE", "/api/v1/todos/0b9c8f3e-5d7a-4c1e-9a53-3f0f1d2c4b5a"),
            List.of("GET", "/api/v1/me"));
    for (var route : routes) {
      var reply = api.call(route.get(0), route.get(1)).json("{}").send();
      assertThat(reply.status()).as(route.toString()).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo("AUTHENTICATION_REQUIRED");
    }
  }

  @Test
  void healthConfigAndTheOpenApiDocumentArePublic() {
    for (var path : List.of("/api/v1/health", "/api/v1/config", "/api/v1/openapi.yml")) {
      assertThat(api.get(path).send().status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void rolesMayBeReadFromANestedClaim() {
    var configuration =
        new AuthConfiguration(
            "realm_access.roles",
            Optional.empty(),
            Duration.ofSeconds(30),
            Optional.empty(),
            AdminSubjects.GOOGLE_ISSUER);
    var tokens = new BearerTokens(configuration, new TokenSignatures(configuration));

    var identity =
        tokens.identify(
            Tokens.signed("k", Map.of("realm_access", Map.of("roles", List.of("admin", 7)))));

    assertThat(identity.roles()).containsExactly("admin");
    assertThat(identity.caller().isAdmin()).isTrue();
  }
}

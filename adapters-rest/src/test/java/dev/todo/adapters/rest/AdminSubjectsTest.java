package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code todo.auth.admin-subjects}: the scheduler's service account is admin by its {@code sub},
 * but only with Google's {@code iss}. Its tokens are shaped as Cloud Run forwards a Google-signed
 * OIDC token: RS256 header, no roles claim, the signature replaced by {@code
 * SIGNATURE_REMOVED_BY_GOOGLE}.
 */
@MicronautTest
@Property(
    name = "todo.auth.admin-subjects",
    value = " 105850000000000000001 ,, 105850000000000000002")
class AdminSubjectsTest {

  static final String SCHEDULER = "105850000000000000001";
  static final String SCHEDULER_EMAIL = "todo-purge@project.iam.gserviceaccount.com";

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(server.getURL(), json);
  }

  @Test
  void theSchedulersGoogleTokenAsCloudRunForwardsItIsAnAdmin() {
    var token = googleToken(SCHEDULER, AdminSubjects.GOOGLE_ISSUER, Map.of());

    var me = api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();
    var othersTodos =
        api.get("/api/v1/todos?owner=alice").header("Authorization", "Bearer " + token).send();

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.map())
        .containsEntry("id", SCHEDULER)
        .containsEntry("email", SCHEDULER_EMAIL)
        .containsEntry("roles", List.of("admin"));
    assertThat(othersTodos.status()).isEqualTo(200);
  }

  @Test
  void theSameSubjectFromAnotherIssuerOrWithoutOneIsAnOrdinaryUser() {
    var fromTheProvider = Tokens.signed(SCHEDULER, Map.of("iss", "http://localhost:8081/todo"));
    var lookalike = Tokens.signed(SCHEDULER, Map.of("iss", "accounts.google.com"));
    var noIssuer = Tokens.signed(SCHEDULER, Map.of());
    for (var token : List.of(fromTheProvider, lookalike, noIssuer)) {
      var me = api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();
      var othersTodos =
          api.get("/api/v1/todos?owner=alice").header("Authorization", "Bearer " + token).send();

      assertThat(me.map()).as(token).containsEntry("roles", List.of());
      assertThat(othersTodos.status()).as(token).isEqualTo(403);
      assertThat(othersTodos.errorCode()).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void aNonStringIssuerIsNoTokenAtAll() {
    var token = Tokens.signed(SCHEDULER, Map.of("iss", List.of(AdminSubjects.GOOGLE_ISSUER)));

    var me = api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();

    assertThat(me.status()).isEqualTo(401);
    assertThat(me.errorCode()).isEqualTo("INVALID_TOKEN");
  }

  @Test
  void otherGoogleAccountsAreOrdinaryUsers() {
    var token = googleToken("105850000000000000003", AdminSubjects.GOOGLE_ISSUER, Map.of());

    var othersTodos =
        api.get("/api/v1/todos?owner=alice").header("Authorization", "Bearer " + token).send();

    assertThat(othersTodos.status()).isEqualTo(403);
  }

  @Test
  void aListedSubjectKeepsItsClaimedRolesAndHoldsAdminOnce() {
    var token =
        googleToken(
            "105850000000000000002",
            AdminSubjects.GOOGLE_ISSUER,
            Map.of("roles", List.of("readonly", "admin")));

    var me = api.get("/api/v1/me").header("Authorization", "Bearer " + token).send();

    assertThat(me.map()).containsEntry("roles", List.of("readonly", "admin"));
  }

  @Test
  void subjectsAreTrimmedBlanksDroppedAndNothingIsGrantedWithoutSubjectsOrIssuer() {
    var subjects = new AdminSubjects(AdminSubjects.GOOGLE_ISSUER, Optional.of(" a , ,b,"));
    assertThat(subjects.subjects()).containsExactlyInAnyOrder("a", "b");
    assertThat(subjects.grantAdmin(AdminSubjects.GOOGLE_ISSUER, "a")).isTrue();
    assertThat(subjects.grantAdmin(AdminSubjects.GOOGLE_ISSUER, " a")).isFalse();
    assertThat(subjects.grantAdmin(AdminSubjects.GOOGLE_ISSUER, "A")).isFalse();
    assertThat(subjects.grantAdmin(AdminSubjects.GOOGLE_ISSUER + "/", "a")).isFalse();
    assertThat(subjects.grantAdmin(null, "a")).isFalse();
    assertThat(subjects.grantAdmin(AdminSubjects.GOOGLE_ISSUER, null)).isFalse();
    assertThat(subjects.grantAdmin(AdminSubjects.GOOGLE_ISSUER, "")).isFalse();

    var none = new AdminSubjects(AdminSubjects.GOOGLE_ISSUER, Optional.empty());
    assertThat(none.grantAdmin(AdminSubjects.GOOGLE_ISSUER, "a")).isFalse();
    var blank = new AdminSubjects(AdminSubjects.GOOGLE_ISSUER, Optional.of(" , "));
    assertThat(blank.subjects()).isEmpty();

    for (var issuer : new String[] {"", "  ", null}) {
      var noIssuer = new AdminSubjects(issuer, Optional.of("a"));
      assertThat(noIssuer.grantAdmin(issuer, "a")).as(String.valueOf(issuer)).isFalse();
      assertThat(noIssuer.grantAdmin("", "a")).isFalse();
    }
  }

  /**
   * A Google-signed OIDC token of a service account (Cloud Scheduler's {@code oidc_token}) as the
   * container receives it from Cloud Run: signature replaced.
   */
  static String googleToken(String subject, String issuer, Map<String, Object> extra) {
    var now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .audience("https://todo-backend-abc123-ew.a.run.app")
            .claim("azp", subject)
            .claim("email", SCHEDULER_EMAIL)
            .claim("email_verified", true)
            .expirationTime(Date.from(now.plusSeconds(3600)))
            .issueTime(Date.from(now))
            .issuer(issuer)
            .subject(subject);
    extra.forEach(claims::claim);
    var header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID("0123456789abcdef")
            .type(JOSEObjectType.JWT)
            .build();
    return header.toBase64URL()
        + "."
        + Base64URL.encode(claims.build().toString())
        + ".SIGNATURE_REMOVED_BY_GOOGLE";
  }
}

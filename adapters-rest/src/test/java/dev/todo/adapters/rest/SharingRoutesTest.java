package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.todo.domain.identity.Caller;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Members and invite links over a real socket, on the real use cases over in-memory fakes. */
@MicronautTest
@SuppressWarnings("unchecked")
class SharingRoutesTest {

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;
  String list;

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
    known("alice", "alice@example.com", "Alice");
    known("bob", "Bob@Example.com", "Bob");
    known("carol", null, null);
    list =
        (String)
            api.call("POST", "/api/v1/lists")
                .as("alice")
                .json("{\"name\":\"Groceries\"}")
                .send()
                .map()
                .get("id");
  }

  private void known(String sub, String email, String name) {
    backend.db.transactions.write(
        () -> {
          backend.db.users.register(
              new Caller(sub, Optional.ofNullable(email), Optional.ofNullable(name), Set.of()),
              InMemoryBackend.START);
          return null;
        });
  }

  private String members() {
    return "/api/v1/lists/" + list + "/members";
  }

  private Api.Reply addByEmail(String as, String body) {
    return api.call("POST", members()).as(as).json(body).send();
  }

  private static List<Map<String, Object>> data(Api.Reply reply) {
    return (List<Map<String, Object>>) reply.map().get("data");
  }

  @Test
  void theOwnerAddsAKnownUserByEmailAndAddingAgainChangesTheRole() {
    var added = addByEmail("alice", "{\"email\":\"bob@EXAMPLE.com\",\"role\":\"editor\"}");
    var changed = addByEmail("alice", "{\"email\":\"bob@example.com\",\"role\":\"viewer\"}");

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.map()).containsEntry("role", "editor");
    assertThat((Map<String, Object>) added.map().get("user"))
        .containsEntry("id", "bob")
        .containsEntry("name", "Bob")
        .containsEntry("email", "Bob@Example.com");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.map()).containsEntry("role", "viewer");
    assertThat(data(api.get(members()).as("bob").send()))
        .extracting(m -> ((Map<String, Object>) m.get("user")).get("id"), m -> m.get("role"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", "owner"),
            org.assertj.core.groups.Tuple.tuple("bob", "viewer"));
    assertThat(api.get("/api/v1/lists/" + list).as("alice").send().map())
        .containsEntry("member_count", 2);
  }

  @Test
  void badMembersAreTheContractsErrorsAndChangeNothing() {
    assertThat(
            addByEmail("alice", "{\"email\":\"nobody@example.com\",\"role\":\"editor\"}")
                .errorCode())
        .isEqualTo("USER_NOT_FOUND");
    assertThat(
            addByEmail("alice", "{\"email\":\"bob@example.com\",\"role\":\"owner\"}").errorCode())
        .isEqualTo("VALIDATION_ERROR");
    assertThat(addByEmail("alice", "{\"email\":\"bob@example.com\",\"role\":5}").errorCode())
        .isEqualTo("MALFORMED_REQUEST");
    assertThat(
            addByEmail("alice", "{\"email\":\"alice@example.com\",\"role\":\"editor\"}").status())
        .isEqualTo(409);
    assertThat(
            addByEmail("bob", "{\"email\":\"carol@example.com\",\"role\":\"editor\"}").errorCode())
        .isEqualTo("LIST_NOT_FOUND");
    assertThat(data(api.get(members()).as("alice").send())).hasSize(1);
  }

  @Test
  void theDefaultListCannotBeShared() {
    var inbox =
        ((List<Map<String, Object>>) api.get("/api/v1/lists").as("alice").send().map().get("data"))
            .stream().filter(l -> (Boolean) l.get("is_default")).findFirst().orElseThrow();

    var reply =
        api.call("POST", "/api/v1/lists/" + inbox.get("id") + "/members")
            .as("alice")
            .json("{\"email\":\"bob@example.com\",\"role\":\"editor\"}")
            .send();

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.errorCode()).isEqualTo("CONFLICT");
  }

  @Test
  void membersAreAddedByIdAndTheOwnersEntryCannotChange() {
    var added =
        api.call("PUT", members() + "/carol").as("alice").json("{\"role\":\"viewer\"}").send();
    var changed =
        api.call("PUT", members() + "/carol").as("alice").json("{\"role\":\"editor\"}").send();
    var owner =
        api.call("PUT", members() + "/alice").as("alice").json("{\"role\":\"viewer\"}").send();
    var unknown =
        api.call("PUT", members() + "/zed").as("alice").json("{\"role\":\"viewer\"}").send();
    var byViewer =
        api.call("PUT", members() + "/bob").as("carol").json("{\"role\":\"viewer\"}").send();

    assertThat(added.status()).isEqualTo(201);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.map()).containsEntry("role", "editor");
    assertThat(owner.status()).isEqualTo(409);
    assertThat(unknown.errorCode()).isEqualTo("USER_NOT_FOUND");
    assertThat(byViewer.status()).isEqualTo(403);
  }

  @Test
  void aMemberLeavesTheOwnerRemovesAndARemovedMemberSeesNothingAtOnce() {
    addByEmail("alice", "{\"email\":\"bob@example.com\",\"role\":\"editor\"}");
    api.call("PUT", members() + "/carol").as("alice").json("{\"role\":\"viewer\"}").send();

    assertThat(api.call("DELETE", members() + "/carol").as("carol").send().status()).isEqualTo(204);
    assertThat(api.call("DELETE", members() + "/alice").as("alice").send().status()).isEqualTo(409);
    assertThat(api.call("DELETE", members() + "/carol").as("alice").send().errorCode())
        .isEqualTo("USER_NOT_FOUND");
    assertThat(api.call("DELETE", members() + "/bob").as("alice").send().status()).isEqualTo(204);
    assertThat(api.get("/api/v1/lists/" + list).as("bob").send().errorCode())
        .isEqualTo("LIST_NOT_FOUND");
    assertThat(api.get("/api/v1/lists/" + list).as("alice").send().map())
        .containsEntry("member_count", 1);
  }

  @Test
  void anInviteLinkIsShownOnceAndJoinsAnyoneWhoOpensItUntilItIsRevoked() {
    var made =
        api.call("POST", "/api/v1/lists/" + list + "/invites")
            .as("alice")
            .json("{\"role\":\"editor\",\"expires_in_days\":2}")
            .send();
    assertThat(made.status()).isEqualTo(201);
    String token = (String) made.map().get("token");
    assertThat(made.map())
        .containsEntry("url", "/invite/" + token)
        .containsEntry("role", "editor")
        .containsEntry("expires_at", "2026-01-17T10:30:00.123Z");

    var listed = data(api.get("/api/v1/lists/" + list + "/invites").as("alice").send());
    assertThat(listed)
        .singleElement()
        .satisfies(i -> assertThat(i).doesNotContainKeys("token", "url"));

    var preview = api.get("/api/v1/invites/" + token).as("carol").send();
    assertThat(preview.status()).isEqualTo(200);
    assertThat((Map<String, Object>) preview.map().get("list"))
        .containsEntry("id", list)
        .containsEntry("name", "Groceries");
    assertThat((Map<String, Object>) preview.map().get("owner")).containsEntry("id", "alice");

    var joined = api.call("POST", "/api/v1/invites/" + token + "/accept").as("carol").send();
    assertThat(joined.status()).isEqualTo(200);
    assertThat(joined.map()).containsEntry("role", "editor").containsEntry("member_count", 2);

    api.call("DELETE", "/api/v1/lists/" + list + "/invites/" + made.map().get("id"))
        .as("alice")
        .send();
    assertThat(api.get("/api/v1/invites/" + token).as("bob").send().errorCode())
        .isEqualTo("INVITE_NOT_FOUND");
    assertThat(api.call("POST", "/api/v1/invites/" + token + "/accept").as("bob").send().status())
        .isEqualTo(404);
  }

  @Test
  void anExpiredInviteIsNotFoundAndAcceptingKeepsTheHigherRole() {
    var viewerLink =
        (String)
            api.call("POST", "/api/v1/lists/" + list + "/invites")
                .as("alice")
                .json("{\"role\":\"viewer\"}")
                .send()
                .map()
                .get("token");
    addByEmail("alice", "{\"email\":\"bob@example.com\",\"role\":\"editor\"}");

    var bobJoins = api.call("POST", "/api/v1/invites/" + viewerLink + "/accept").as("bob").send();
    var ownerJoins =
        api.call("POST", "/api/v1/invites/" + viewerLink + "/accept").as("alice").send();
    backend.clock.advance(Duration.ofDays(7));

    assertThat(bobJoins.map()).containsEntry("role", "editor");
    assertThat(ownerJoins.map()).containsEntry("role", "owner");
    assertThat(api.get("/api/v1/invites/" + viewerLink).as("carol").send().errorCode())
        .isEqualTo("INVITE_NOT_FOUND");
  }

  @Test
  void invitesAreTheOwnersAndTheirFieldsAreChecked() {
    addByEmail("alice", "{\"email\":\"bob@example.com\",\"role\":\"editor\"}");

    var byEditor =
        api.call("POST", "/api/v1/lists/" + list + "/invites")
            .as("bob")
            .json("{\"role\":\"viewer\"}")
            .send();
    var tooLong =
        api.call("POST", "/api/v1/lists/" + list + "/invites")
            .as("alice")
            .json("{\"role\":\"admin\",\"expires_in_days\":31}")
            .send();

    assertThat(byEditor.status()).isEqualTo(403);
    assertThat(tooLong.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat((Map<String, Object>) tooLong.map().get("error"))
        .extractingByKey("details")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsOnlyKeys("role", "expires_in_days");
    assertThat(api.get("/api/v1/lists/" + list + "/invites").as("bob").send().status())
        .isEqualTo(403);
  }

  @Test
  void theAccessLogShowsInviteTokensMasked() {
    var accessLog = new ListAppender<ILoggingEvent>();
    var logger = (Logger) LoggerFactory.getLogger(RequestCorrelationFilter.class);
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    accessLog.start();
    logger.addAppender(accessLog);
    try {
      api.get("/api/v1/invites/secret-token-value").as("carol").send();
    } finally {
      logger.detachAppender(accessLog);
    }

    assertThat(accessLog.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).startsWith("GET /api/v1/invites/*** 404"))
        .noneSatisfy(line -> assertThat(line).contains("secret-token-value"));
  }
}

package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every list and sharing operation × every kind of caller → the status the contract gives, over
 * HTTP on the real use cases. Each cell starts from the same state: alice owns "Groceries" with
 * viewer bob, editor erin, viewer carol; "gone" was an editor and was removed; "ro" is an editor
 * with a read-only account; "root" is an admin who is no member; "zed" is no member.
 */
@MicronautTest
class ListPermissionMatrixTest {

  private static final List<String> CALLERS =
      List.of("zed", "bob", "erin", "alice", "root", "ro", "gone");

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject InMemoryBackend backend;
  Api api;
  String list;

  /** An operation as the caller sends it, and the answer per caller in {@link #CALLERS} order. */
  record Operation(String name, String method, String path, String body, List<Integer> answers) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cells() {
    var operations =
        List.of(
            op("read the list", "GET", "", null, 404, 200, 200, 200, 200, 200, 404),
            op("rename", "PATCH", "", "{\"name\":\"Food\"}", 404, 403, 403, 200, 200, 403, 404),
            op(
                "place for oneself",
                "PATCH",
                "",
                "{\"position\":5}",
                404,
                200,
                200,
                200,
                409,
                403,
                404),
            op("delete the list", "DELETE", "", null, 404, 403, 403, 204, 204, 403, 404),
            op("read members", "GET", "/members", null, 404, 200, 200, 200, 200, 200, 404),
            op(
                "add by e-mail",
                "POST",
                "/members",
                "{\"email\":\"dave@example.com\",\"role\":\"viewer\"}",
                404,
                403,
                403,
                201,
                201,
                403,
                404),
            op(
                "change a role",
                "PUT",
                "/members/carol",
                "{\"role\":\"editor\"}",
                404,
                403,
                403,
                200,
                200,
                403,
                404),
            op(
                "remove a member",
                "DELETE",
                "/members/carol",
                null,
                404,
                403,
                403,
                204,
                204,
                403,
                404),
            op("leave", "DELETE", "/members/SELF", null, 404, 204, 204, 409, 404, 403, 404),
            op(
                "make an invite",
                "POST",
                "/invites",
                "{\"role\":\"viewer\"}",
                404,
                403,
                403,
                201,
                201,
                403,
                404),
            op("read invites", "GET", "/invites", null, 404, 403, 403, 200, 200, 403, 404));
    var cells = new ArrayList<Arguments>();
    for (var operation : operations) {
      for (int i = 0; i < CALLERS.size(); i++) {
        cells.add(Arguments.of(operation, CALLERS.get(i), operation.answers().get(i)));
      }
    }
    return cells.stream();
  }

  private static Operation op(
      String name, String method, String path, String body, Integer... answers) {
    return new Operation(name, method, path, body, List.of(answers));
  }

  @BeforeEach
  void setUp() {
    api = new Api(server.getURL(), json);
    backend.reset();
    for (var sub : List.of("alice", "bob", "erin", "carol", "gone", "ro", "zed", "root")) {
      backend.db.transactions.write(
          () -> {
            backend.db.users.register(Caller.of(sub), InMemoryBackend.START);
            return null;
          });
    }
    backend.db.transactions.write(
        () -> {
          backend.db.users.register(
              new Caller("dave", Optional.of("dave@example.com"), Optional.empty(), Set.of()),
              InMemoryBackend.START);
          return null;
        });
    list =
        (String)
            api.call("POST", "/api/v1/lists")
                .as("alice")
                .json("{\"name\":\"Groceries\"}")
                .send()
                .map()
                .get("id");
    var id = ListId.parse(list).orElseThrow();
    backend.db.transactions.write(
        () -> {
          backend.db.lists.addMember(id, "bob", ListRole.VIEWER, InMemoryBackend.START);
          backend.db.lists.addMember(id, "erin", ListRole.EDITOR, InMemoryBackend.START);
          backend.db.lists.addMember(id, "carol", ListRole.VIEWER, InMemoryBackend.START);
          backend.db.lists.addMember(id, "gone", ListRole.EDITOR, InMemoryBackend.START);
          backend.db.lists.addMember(id, "ro", ListRole.EDITOR, InMemoryBackend.START);
          backend.db.lists.removeMember(id, "gone");
          return null;
        });
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @MethodSource("cells")
  void answersAsTheContractSays(Operation operation, String caller, int expected) {
    String path = "/api/v1/lists/" + list + operation.path().replace("SELF", caller);
    var call = api.call(operation.method(), path);
    switch (caller) {
      case "root" -> call.as(caller, "admin");
      case "ro" -> call.as(caller, "readonly");
      default -> call.as(caller);
    }
    if (operation.body() != null) {
      call.json(operation.body());
    }

    var reply = call.send();

    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    if (expected == 404 && !operation.path().startsWith("/members/")) {
      assertThat(reply.errorCode()).isEqualTo("LIST_NOT_FOUND");
    }
  }
}

package dev.todo.adapters.rest;

import static dev.todo.domain.testing.TodoBuilder.aTodo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.Todo;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the list and stats query parameters over a real socket against the real server (the
 * application's use cases over the in-memory fakes): random values, encodings and repeats of the
 * known parameters, sent byte for byte as a client could (no URI class tidies them first). No
 * answer is a 5xx, every error is the contract's envelope, and a GET by a known user writes
 * nothing.
 */
class ListQueryFuzzTest {

  private static final List<String> NAMES =
      List.of(
          "status",
          "q",
          "priority",
          "due_before",
          "due_after",
          "sort",
          "order",
          "page",
          "page_size",
          "owner",
          "x");

  private static final List<String> VALUES =
      List.of(
          "all",
          "active",
          "completed",
          "ACTIVE",
          "none",
          "low",
          "medium",
          "high",
          "position",
          "created_at",
          "updated_at",
          "due_date",
          "title",
          "asc",
          "desc",
          "2026-01-15",
          "2026-02-30",
          "0000-01-01",
          "1",
          "0",
          "-1",
          "20",
          "100",
          "101",
          "999999999",
          "9999999999",
          "1.5",
          "1e3",
          "alice",
          "bob",
          "",
          " ",
          "%",
          "%2",
          "%ZZ",
          "%00",
          "%C0%AF",
          "%ED%A0%80",
          "%F4%90%80%80",
          "%C3%A9",
          "%E2%80%AE",
          "+",
          ";",
          "=",
          "a;b",
          "Mi%25lk",
          "_",
          "\\",
          "\"",
          "'",
          "<script>",
          "{}",
          "|",
          "^",
          "`",
          "#",
          "\t",
          "\u00e9",
          "\u00ff");

  private static EmbeddedServer server;
  private static InMemoryBackend backend;
  private static List<Todo> seeded;

  @BeforeContainer
  static void start() {
    server =
        ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
    backend = server.getApplicationContext().getBean(InMemoryBackend.class);
    backend.reset();
    seeded =
        List.of(
            backend.stored(
                aTodo().titled("Buy milk").due("2026-01-10").priority(Priority.HIGH).build()),
            backend.stored(aTodo().titled("a;b 50%_off").notes("Mi%lk").completed().build()),
            backend.stored(aTodo().titled("t\u00e9").position(3).due("2026-02-01").build()),
            backend.stored(aTodo().ownedBy("bob").titled("bob's").priority(Priority.LOW).build()));
    // Each caller's first request makes them known (a write); the property is about the others.
    for (var subject : List.of("alice", "root", "rita")) {
      backend.useCases.recogniseUser().recognise(Caller.of(subject));
    }
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 1000, seed = FuzzSeeds.SEED)
  void noQueryOfTheListOrStatsIsA5xxOrWritesAnything(
      @ForAll("queries") String query,
      @ForAll("paths") String path,
      @ForAll("callers") String authorization) {
    long writes = backend.transactions.writes();

    var reply = RawHttp.get(server, path + "?" + query, authorization);

    assertThat(reply.status()).as(reply.head()).isBetween(200, 499);
    if (reply.status() >= 400) {
      assertThat(reply.body()).as(reply.head()).startsWith("{\"error\":{\"code\":\"");
    }
    assertThat(backend.transactions.writes()).isEqualTo(writes);
    for (var todo : seeded) {
      assertThat(backend.db.todos.findById(todo.id())).contains(todo);
    }
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.of(NAMES),
            Arbitraries.of(NAMES).map(ListQueryFuzzTest::percentEncodeOneChar));
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(VALUES),
            Arbitraries.strings()
                .ascii()
                .ofMaxLength(12)
                .filter(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0),
            Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(6)
                .map(ListQueryFuzzTest::percentEncoded),
            Arbitraries.strings().withCharRange('\u0080', '\u00ff').ofMaxLength(4));
    Arbitrary<String> pair =
        Combinators.combine(name, value, Arbitraries.integers().between(0, 9))
            .as((n, v, form) -> form == 0 ? n : n + "=" + v);
    return pair.list().ofMaxSize(8).map(pairs -> String.join("&", pairs));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("/api/v1/todos", "/api/v1/todos/stats");
  }

  @Provide
  Arbitrary<String> callers() {
    return Arbitraries.of(
        Tokens.bearer("alice"), Tokens.bearer("root", "admin"), Tokens.bearer("rita", "readonly"));
  }

  private static String percentEncodeOneChar(String name) {
    return "%"
        + HexFormat.of().withUpperCase().toHexDigits((byte) name.charAt(0))
        + name.substring(1);
  }

  private static String percentEncoded(byte[] bytes) {
    var out = new StringBuilder();
    for (byte b : bytes) {
      out.append('%').append(HexFormat.of().toHexDigits(b));
    }
    return out.toString();
  }
}

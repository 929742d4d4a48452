package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.attachment.FileNames;
import dev.todo.domain.todo.TodoId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and broken multipart uploads against the real server and the real use cases (over the
 * in-memory fakes): whatever the body, boundary, part headers or cut, the answer is never a 5xx,
 * and an answer that is not 201 leaves no attachment row and no object. Bodies built well-formed
 * and left alone must be stored exactly; bodies cut before their closing boundary never are.
 * Bounded: a few hundred tries, a few seconds.
 */
class UploadFuzzTest {

  private static final int MAX_BYTES = 2000;
  private static final String BCHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=? ";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static ApplicationContext context;
  private static EmbeddedServer server;
  private static InMemoryBackend backend;
  private static JsonMapper json;

  @BeforeContainer
  static void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port", -1,
                "todo.attachments.max-bytes", MAX_BYTES,
                "todo.attachments.max-per-todo", 100),
            "test");
    context = server.getApplicationContext();
    backend = context.getBean(InMemoryBackend.class);
    json = context.getBean(JsonMapper.class);
  }

  @AfterContainer
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  /** What the generator knows of a case: must it be stored, must it be refused, or either. */
  enum Expect {
    STORED,
    REFUSED,
    EITHER
  }

  /** The file part as generated, for the oracle of a well-formed case. */
  record FileSpec(String filename, byte[] content, boolean wellFormed) {}

  record Case(
      String contentType, byte[] body, boolean chunked, Expect expect, FileSpec file, String what) {

    @Override
    public String toString() {
      return what
          + " expect="
          + expect
          + " chunked="
          + chunked
          + " type="
          + contentType
          + " body="
          + new String(body, StandardCharsets.ISO_8859_1)
              .substring(0, Math.min(body.length, 600))
              .replace("\r", "\\r")
              .replace("\n", "\\n");
    }
  }

  @Property(
      tries = 400,
      seed = FuzzSeeds.SEED,
      shrinking = ShrinkingMode.BOUNDED,
      edgeCases = EdgeCasesMode.NONE)
  void noUploadAnswers5xxAndARefusedOneLeavesNothing(@ForAll("cases") Case c) throws Exception {
    backend.reset();
    TodoId todo = backend.todo("alice", "fuzzed").id();

    var reply = send(todo, c);

    int status = reply.statusCode();
    assertThat(status).as("status").isLessThan(500);
    var rows = backend.db.attachments.findByTodo(todo);
    if (status != 201) {
      assertThat(rows).as("rows after %d", status).isEmpty();
      assertThat(backend.blobs.names()).as("objects after %d", status).isEmpty();
      assertThat(c.expect())
          .as("a well-formed upload was refused with %d", status)
          .isNotEqualTo(Expect.STORED);
      return;
    }
    assertThat(c.expect()).as("a broken upload was stored").isNotEqualTo(Expect.REFUSED);
    assertThat(rows).hasSize(1);
    assertThat(backend.blobs.names()).hasSize(1);
    if (c.expect() == Expect.STORED) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = json.readValue(reply.body(), Map.class);
      byte[] content = c.file().content();
      assertThat(body)
          .containsEntry("size_bytes", content.length)
          .containsEntry("filename", FileNames.display(c.file().filename()))
          .containsEntry(
              "sha256",
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }
  }

  private static HttpResponse<byte[]> send(TodoId todo, Case c) throws Exception {
    var builder =
        HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/v1/todos/" + todo + "/attachments"))
            .header("Authorization", Tokens.bearer("alice"))
            .POST(
                c.chunked()
                    ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                    : BodyPublishers.ofByteArray(c.body()));
    if (c.contentType() != null) {
      builder.header("Content-Type", c.contentType());
    }
    return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  // ----- generators -----

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.frequencyOf(Tuple.of(6, multipartCases()), Tuple.of(1, garbageCases()));
  }

  /** Anything at all as the body, under a type that may or may not be multipart. */
  private Arbitrary<Case> garbageCases() {
    return Combinators.combine(
            contentTypes(Arbitraries.of("XyZ")),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
            Arbitraries.of(true, false))
        .as((type, body, chunked) -> new Case(type, body, chunked, Expect.EITHER, null, "garbage"));
  }

  private Arbitrary<Case> multipartCases() {
    Arbitrary<String> boundaries =
        Arbitraries.strings()
            .withChars(BCHARS)
            .ofMinLength(1)
            .ofMaxLength(70)
            .map(b -> b.endsWith(" ") ? b.strip() + "x" : b)
            .map(b -> b.isEmpty() ? "x" : b);
    return boundaries.flatMap(
        boundary ->
            Combinators.combine(
                    fileParts(boundary),
                    otherParts(boundary),
                    otherParts(boundary),
                    Arbitraries.of("", "preamble\r\n", "\r\n"),
                    Arbitraries.of("", "\r\n", "\r\nepilogue --" + boundary + "--\r\n"),
                    mutations(),
                    requestTypes(boundary),
                    Arbitraries.of(true, false))
                .as(
                    (file, before, after, preamble, epilogue, mutation, type, chunked) ->
                        build(
                            boundary, file, before, after, preamble, epilogue, mutation, type,
                            chunked)));
  }

  /** A part before or after the file: a field, a second file, or nothing. */
  record Extra(String text, boolean wellFormed) {}

  private Arbitrary<List<Extra>> otherParts(String boundary) {
    Arbitrary<Extra> extra =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .ofMaxLength(20)
                .map(
                    v ->
                        new Extra(
                            "Content-Disposition: form-data; name=\"note\"\r\n\r\n" + v, true)),
            Arbitraries.just(
                new Extra(
                    "Content-Disposition: form-data; name=\"file\"; filename=\"second\"\r\n\r\nzz",
                    true)),
            partHeaders().map(h -> new Extra(h.text() + "\r\n\r\nx", h.wellFormed())));
    return extra.list().ofMaxSize(2);
  }

  /** Header lines of a part named something, with their verdict. */
  record Headers(String text, boolean wellFormed) {}

  private Arbitrary<Headers> partHeaders() {
    return weighted(
        new Headers("Content-Disposition: form-data; name=\"x\"", true),
        new Headers("Content-Disposition: form-data", false),
        new Headers("Content-Type: text/plain", false),
        new Headers("", false),
        new Headers("Content-Disposition: form-data; name=\"x\"\r\nX-Junk", false),
        new Headers("Content-Disposition: inline; name=\"x\"", false),
        new Headers("Content-Disposition: form-data; name=\"x\r\n", false),
        new Headers("Content-Disposition: form-data; name=\"x\"\r\n folded: yes", false),
        new Headers("Content-Disposition: form-data;\r\n\tname=\"x\"", true),
        new Headers(
            "Content-Disposition: form-data; name=\"x\"\r\nContent-Transfer-Encoding: gzip",
            false));
  }

  private Arbitrary<FileSpec> fileSpecs(String boundary) {
    Arbitrary<String> names =
        Arbitraries.of(
                "a", "b", ".", "=", ";", ",", ":", "\"", "\\", "/", " ", "é", "€", "😀", "-", "'")
            .list()
            .ofMaxSize(20)
            .map(chars -> String.join("", chars));
    return Combinators.combine(names, contents(boundary))
        .as((name, content) -> new FileSpec(name, content, true));
  }

  /** The file part's headers and content; {@code FileSpec.wellFormed} says if they are. */
  record FilePartText(String headers, FileSpec spec) {}

  private Arbitrary<FilePartText> fileParts(String boundary) {
    return fileSpecs(boundary)
        .flatMap(
            spec ->
                Combinators.combine(dispositions(spec.filename()), partTypes(), transferEncodings())
                    .as(
                        (disposition, type, encoding) -> {
                          boolean ok = disposition.wellFormed() && encoding.wellFormed();
                          String headers = disposition.text() + type.text() + encoding.text();
                          return new FilePartText(
                              headers, new FileSpec(spec.filename(), spec.content(), ok));
                        }));
  }

  /** Each well-formed choice ten times as likely as each broken one. */
  private static Arbitrary<Headers> weighted(Headers... choices) {
    return Arbitraries.frequency(
        java.util.Arrays.stream(choices)
            .map(h -> Tuple.of(h.wellFormed() ? 10 : 1, h))
            .toArray(Tuple.Tuple2[]::new));
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private Arbitrary<Headers> dispositions(String filename) {
    String name = "Content-Disposition: form-data; name=\"file\"";
    String encoded =
        java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    return weighted(
        new Headers(name + "; filename=" + quoted(filename), true),
        new Headers(
            "content-disposition:FORM-DATA;filename=" + quoted(filename) + ";name=file", true),
        new Headers(name + "; filename=\"x\"; filename*=UTF-8''" + encoded, true),
        new Headers(name + "; filename*=" + encoded, false),
        new Headers(name + "; filename=\"" + filename, false),
        new Headers(name, false),
        new Headers("Content-Disposition: form-data; filename=" + quoted(filename), false),
        new Headers("Content-Disposition: attachment; name=\"file\"; filename=\"a\"", false),
        new Headers(name + "; filename=\"a\u0001b\"", false),
        new Headers(name + "; filename=\"a\"; name=\"again\"", false),
        new Headers("Content-Type: text/plain", false));
  }

  private Arbitrary<Headers> partTypes() {
    return Arbitraries.of(
        new Headers("", true),
        new Headers("\r\nContent-Type: application/pdf", true),
        new Headers("\r\nContent-Type: text/plain; charset=utf-7", true),
        new Headers("\r\nContent-Type: text/plain; charset=", true),
        new Headers("\r\nContent-Type: text/plain; charset=no-such-charset", true),
        new Headers("\r\nContent-Type:", true),
        new Headers("\r\nContent-Type: multipart/mixed; boundary=inner", true),
        new Headers("\r\nContent-Type: ;;;=\"", true));
  }

  private Arbitrary<Headers> transferEncodings() {
    return weighted(
        new Headers("", true),
        new Headers("\r\nContent-Transfer-Encoding: binary", true),
        new Headers("\r\nContent-Transfer-Encoding: 8BIT", true),
        new Headers("\r\nContent-Transfer-Encoding: base64", false),
        new Headers("\r\nContent-Transfer-Encoding: quoted-printable", false),
        new Headers("\r\nContent-Transfer-Encoding:", false));
  }

  /** Bytes rich in what framing is made of: CR, LF, dashes and pieces of the delimiter. */
  private Arbitrary<byte[]> contents(String boundary) {
    String delimiter = "\r\n--" + boundary;
    Arbitrary<byte[]> piece =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
            Tuple.of(
                4,
                Arbitraries.of("\r\n", "\r", "\n", "--", "-", "\r\n--", boundary)
                    .map(s -> s.getBytes(StandardCharsets.ISO_8859_1))),
            Tuple.of(
                3,
                Arbitraries.integers()
                    .between(1, delimiter.length() - 1)
                    .map(n -> delimiter.substring(0, n).getBytes(StandardCharsets.ISO_8859_1))),
            Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofSize(1100)));
    return piece
        .list()
        .ofMaxSize(6)
        .map(
            pieces -> {
              var out = new ByteArrayOutputStream();
              pieces.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }

  /** What may be done to a body once built. */
  enum Mutation {
    NONE,
    CUT,
    FLIP_BYTE,
    LF_ONLY,
    INSERT
  }

  record Mutate(Mutation kind, double where, byte value) {}

  private Arbitrary<Mutate> mutations() {
    return Combinators.combine(
            Arbitraries.frequency(
                Tuple.of(5, Mutation.NONE),
                Tuple.of(3, Mutation.CUT),
                Tuple.of(1, Mutation.FLIP_BYTE),
                Tuple.of(1, Mutation.LF_ONLY),
                Tuple.of(1, Mutation.INSERT)),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.bytes())
        .as(Mutate::new);
  }

  /** The request's Content-Type: mostly right for the body, sometimes not. */
  record RequestType(String value, boolean matches) {}

  private Arbitrary<RequestType> requestTypes(String boundary) {
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Arbitraries.of(
                new RequestType("multipart/form-data; boundary=" + quoted(boundary), true),
                new RequestType(
                    "Multipart/Form-Data;charset=utf-8; BOUNDARY=" + quoted(boundary), true))),
        Tuple.of(2, contentTypes(Arbitraries.just(boundary)).map(t -> new RequestType(t, false))));
  }

  private Arbitrary<String> contentTypes(Arbitrary<String> boundaries) {
    return boundaries.flatMap(
        b ->
            Arbitraries.oneOf(
                    Arbitraries.of(
                        "multipart/form-data",
                        "multipart/form-data; boundary=",
                        "multipart/form-data; boundary=\"" + b,
                        "multipart/form-data; boundary=" + b + "x",
                        "multipart/form-data; boundary=\"" + "b".repeat(71) + "\"",
                        "multipart/form-data; boundary=" + b + "; boundary=" + b,
                        "multipart/mixed; boundary=" + b,
                        "application/json",
                        "text/plain; charset=utf-7",
                        ";;;",
                        "multipart/form-data; =; boundary=" + b),
                    Arbitraries.strings()
                        .withCharRange(' ', '~')
                        .ofMaxLength(40)
                        // java.net.http refuses other header values (so would the server)
                        .map(s -> ("multipart/form-data; " + s).strip()))
                .injectNull(0.1));
  }

  private Case build(
      String boundary,
      FilePartText file,
      List<Extra> before,
      List<Extra> after,
      String preamble,
      String epilogue,
      Mutate mutate,
      RequestType type,
      boolean chunked) {
    var out = new ByteArrayOutputStream();
    boolean wellFormed = file.spec().wellFormed() && type.matches();
    out.writeBytes(latin(preamble));
    List<Extra> parts = new ArrayList<>(before);
    for (Extra extra : before) {
      wellFormed &= extra.wellFormed() && !extra.text().contains("name=\"file\"");
    }
    for (Extra extra : parts) {
      out.writeBytes(utf8("--" + boundary + "\r\n" + extra.text() + "\r\n"));
    }
    out.writeBytes(utf8("--" + boundary + "\r\n" + file.headers() + "\r\n\r\n"));
    byte[] content = file.spec().content();
    wellFormed &= !contains(content, latin("\r\n--" + boundary));
    out.writeBytes(content);
    out.writeBytes(latin("\r\n"));
    for (Extra extra : after) {
      wellFormed &= extra.wellFormed();
      out.writeBytes(utf8("--" + boundary + "\r\n" + extra.text() + "\r\n"));
    }
    out.writeBytes(latin("--" + boundary + "--"));
    int closed = out.size();
    out.writeBytes(latin(epilogue));
    byte[] body = out.toByteArray();

    Expect expect;
    String what = mutate.kind().toString();
    switch (mutate.kind()) {
      case NONE ->
          expect =
              wellFormed
                  ? content.length <= MAX_BYTES ? Expect.STORED : Expect.REFUSED
                  : Expect.EITHER;
      case CUT -> {
        int at = (int) (mutate.where() * closed);
        body = java.util.Arrays.copyOf(body, Math.min(at, closed - 1));
        expect = wellFormed ? Expect.REFUSED : Expect.EITHER;
        what += "@" + body.length;
      }
      case FLIP_BYTE -> {
        int at = (int) (mutate.where() * (body.length - 1));
        body[at] = mutate.value();
        expect = Expect.EITHER;
      }
      case LF_ONLY -> {
        body = latin(new String(body, StandardCharsets.ISO_8859_1).replace("\r\n", "\n"));
        expect = wellFormed ? Expect.REFUSED : Expect.EITHER;
      }
      default -> {
        int at = (int) (mutate.where() * body.length);
        var inserted = new ByteArrayOutputStream();
        inserted.write(body, 0, at);
        inserted.writeBytes(latin("\r\n--" + boundary + "\r\n"));
        inserted.write(body, at, body.length - at);
        body = inserted.toByteArray();
        expect = Expect.EITHER;
      }
    }
    return new Case(type.value(), body, chunked, expect, file.spec(), what);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static byte[] latin(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

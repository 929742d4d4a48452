package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.UnsupportedFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The multipart reader on its own: framing, part headers, and reads of any size. */
class MultipartFormTest {

  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  /** A body that arrives one byte per read, the worst case for the reader's buffer. */
  private static InputStream trickle(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static MultipartForm.FilePart file(String body) throws IOException {
    return MultipartForm.of(TYPE, trickle(bytes(body))).part("file").orElseThrow();
  }

  private static byte[] contentOf(String body) throws IOException {
    return file(body).content().readAllBytes();
  }

  @Test
  void readsTheNamedPartsContentAndHeaders() throws IOException {
    var part =
        file(
            "preamble\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"other\"\r\n\r\nfield\r\n"
                + "--XyZ  \t\r\n"
                + "content-disposition: FORM-DATA ; name=file;filename=\"C:\\dir\\a b.txt\"\r\n"
                + "Content-Type: text/plain;\r\n charset=UTF-8\r\n\r\n"
                + "hello\r\n--XyZ--\r\nepilogue");

    assertThat(part.part().name()).isEqualTo("file");
    assertThat(part.part().filename()).contains("C:\\dir\\a b.txt");
    assertThat(part.part().contentType()).contains("text/plain; charset=UTF-8");
    assertThat(part.content().readAllBytes()).isEqualTo(bytes("hello"));
  }

  @Test
  void contentThatLooksLikeABoundaryIsContent() throws IOException {
    String content = "\r\n--XY\r\n-\r\r\n--Xy\n--XyZ\r--XyZ-\r\n-XyZ";
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=file; filename=a\r\n\r\n"
            + content
            + "\r\n--XyZ--";

    assertThat(contentOf(body)).isEqualTo(bytes(content));
  }

  @Test
  void contentLongerThanTheBufferStreamsThrough() throws IOException {
    var content = new byte[200_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 7 == 0 ? '\r' : i % 5 == 0 ? '\n' : i % 3 == 0 ? '-' : i);
    }
    var body = new ByteArrayOutputStream();
    body.writeBytes(
        bytes("--XyZ\r\nContent-Disposition: form-data; name=file; filename=a\r\n\r\n"));
    body.writeBytes(content);
    body.writeBytes(bytes("\r\n--XyZ--\r\n"));

    var part =
        MultipartForm.of(TYPE, new ByteArrayInputStream(body.toByteArray())).part("file").get();

    assertThat(part.content().readAllBytes()).isEqualTo(content);
  }

  @Test
  void anEmptyFileAndTheFirstOfTwoFileParts() throws IOException {
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=file; filename=a\r\n\r\n\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=file; filename=b\r\n\r\nb\r\n--XyZ--";

    var part = file(body);

    assertThat(part.part().filename()).contains("a");
    assertThat(part.content().readAllBytes()).isEmpty();
  }

  @Test
  void noPartOfThatNameIsEmpty() throws IOException {
    assertThat(MultipartForm.of(TYPE, trickle(bytes("--XyZ--"))).part("file")).isEmpty();
    assertThat(
            MultipartForm.of(
                    TYPE,
                    trickle(
                        bytes(
                            "--XyZ\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n--XyZ--")))
                .part("file"))
        .isEmpty();
  }

  @Test
  void filenameStarWinsAndTakesUtf8OrLatin1() throws IOException {
    String utf8 = "filename=\"x\"; filename*=utf-8'en'%E2%82%AC%20rate.txt";
    String latin1 = "filename*=ISO-8859-1''caf%E9.txt";

    assertThat(file(withDisposition(utf8)).part().filename()).contains("€ rate.txt");
    assertThat(file(withDisposition(latin1)).part().filename()).contains("café.txt");
  }

  private static String withDisposition(String parameters) {
    return "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
        + parameters
        + "\r\n\r\nx\r\n--XyZ--";
  }

  @Test
  void theBoundaryMayBeQuotedAndTheTypeAnyCase() throws IOException {
    var form =
        MultipartForm.of(
            "Multipart/Form-Data; charset=x; boundary=\"a b:c\"",
            trickle(
                bytes(
                    "--a b:c\r\nContent-Disposition: form-data; name=file; filename=f\r\n\r\n"
                        + "1\r\n--a b:c--")));

    assertThat(form.part("file").orElseThrow().content().readAllBytes()).isEqualTo(bytes("1"));
  }

  @Test
  void anotherOrNoContentTypeIsUnsupported() {
    assertThatThrownBy(() -> MultipartForm.of(null, InputStream.nullInputStream()))
        .isInstanceOf(UnsupportedFormatException.class);
    assertThatThrownBy(() -> MultipartForm.of("application/json", InputStream.nullInputStream()))
        .isInstanceOf(UnsupportedFormatException.class);
    assertThatThrownBy(
            () -> MultipartForm.of("multipart/mixed; boundary=a", InputStream.nullInputStream()))
        .isInstanceOf(UnsupportedFormatException.class);
  }

  @Test
  void aBoundaryRfc2046DoesNotAllowIsMalformed() {
    for (String type :
        new String[] {
          "multipart/form-data",
          "multipart/form-data; boundary=",
          "multipart/form-data; boundary=\"\"",
          "multipart/form-data; boundary=\"ends in space \"",
          "multipart/form-data; boundary=" + "x".repeat(71),
          "multipart/form-data; boundary=\"é\"",
          "multipart/form-data; boundary=a; boundary=b",
          "multipart/form-data; boundary=\"unterminated"
        }) {
      assertThatThrownBy(() -> MultipartForm.of(type, InputStream.nullInputStream()))
          .as(type)
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Test
  void aBodyCutAnywhereBeforeTheClosingBoundaryFailsTheRead() throws IOException {
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=file; filename=a\r\n\r\nabc\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=more\r\n\r\nx\r\n--XyZ--";
    for (int cut = 0; cut < body.length(); cut++) {
      String truncated = body.substring(0, cut);
      assertThatThrownBy(
              () -> {
                Optional<MultipartForm.FilePart> part =
                    MultipartForm.of(TYPE, trickle(bytes(truncated))).part("file");
                part.orElseThrow().content().readAllBytes();
              })
          .as("cut at %d", cut)
          .isInstanceOf(MalformedInputException.class);
    }
    assertThat(contentOf(body)).isEqualTo(bytes("abc"));
  }

  @Test
  void partHeadersHaveALimit() {
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=file; filename=a\r\nX-Long: "
            + "x".repeat(MultipartForm.MAX_HEADER_BYTES)
            + "\r\n\r\nabc\r\n--XyZ--";

    assertThatThrownBy(() -> file(body))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void headerSyntaxErrorsAreMalformed() {
    for (String headers :
        new String[] {
          "",
          " folded: first",
          "no colon here",
          ": no name",
          "Content-Disposition: form-data; name=file; filename=a\r\nContent-Disposition: form-data",
          "Content-Disposition: form-data; name=file; name=other; filename=a",
          "Content-Disposition: form-data; name=fi\"le; filename=a",
          "Content-Disposition: form-data; name=\"file\" junk; filename=a",
          "Content-Disposition: form-data; name; filename=a",
          "Content-Disposition: form-data; name=file; filename*=UTF-8''%E9.txt",
          "Content-Disposition: form-data; name=file; filename*=UTF-8''%4.txt",
          "Content-Disposition: form-data; name=file; filename=a\nX: bare line feed"
        }) {
      assertThatThrownBy(() -> file("--XyZ\r\n" + headers + "\r\n\r\nabc\r\n--XyZ--"))
          .as(headers)
          .isInstanceOf(MalformedInputException.class);
    }
  }
}

package dev.todo.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.todo.TodoId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentRulesTest {

  private static final String SHA =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "receipt.pdf|receipt.pdf",
        "C:\\Users\\me\\receipt.pdf|receipt.pdf",
        "../../etc/passwd|passwd",
        "  spaced name.txt  |spaced name.txt",
        "dir/|file",
        "..|file",
        "Überweisung №7 — 日本.bin|Überweisung №7 — 日本.bin"
      })
  void displayNamesKeepTheLastPathSegment(String raw, String shown) {
    assertThat(FileNames.display(raw)).isEqualTo(shown);
  }

  @Test
  void displayNamesLoseControlCharactersAndStayShort() {
    assertThat(FileNames.display("a\u0000b\tc\nd\u007f.txt")).isEqualTo("abcd.txt");
    assertThat(FileNames.display(null)).isEqualTo("file");
    assertThat(FileNames.display("é".repeat(300))).hasSize(255);
    assertThat(FileNames.display("😀".repeat(300)).codePoints().count()).isEqualTo(255);
  }

  @Test
  void contentTypesAreTheClientsWhenWellFormedElseOctetStream() {
    assertThat(ContentTypes.of("Application/PDF")).isEqualTo("application/pdf");
    assertThat(ContentTypes.of("text/plain; charset=UTF-8")).isEqualTo("text/plain; charset=UTF-8");
    assertThat(ContentTypes.of(null)).isEqualTo("application/octet-stream");
    assertThat(ContentTypes.of("")).isEqualTo("application/octet-stream");
    assertThat(ContentTypes.of("pdf")).isEqualTo("application/octet-stream");
    assertThat(ContentTypes.of("text/html\r\nX-Evil: 1")).isEqualTo("application/octet-stream");
  }

  @Test
  void objectNamesComeFromIdsOnlyAndAreValidStoreNames() {
    var todo = TodoId.random();
    var id = AttachmentId.random();
    var attachment =
        new Attachment(id, todo, "../x.pdf".substring(3), "application/pdf", 1, SHA, Instant.EPOCH);

    assertThat(attachment.objectName()).isEqualTo("todos/" + todo + "/" + id);
    assertThat(BlobStorage.requireValidName(attachment.objectName())).isNotNull();
    assertThat(Attachment.idOfObject(attachment.objectName())).contains(id);
    assertThat(Attachment.idOfObject("todos/" + todo + "/nope")).isEmpty();
    assertThat(Attachment.idOfObject("todos/x/" + id)).isEmpty();
    assertThat(Attachment.idOfObject("other/" + todo + "/" + id)).isEmpty();
  }

  @Test
  void refusesMetadataThatBreaksTheRules() {
    var todo = TodoId.random();
    var id = AttachmentId.random();

    assertThatThrownBy(() -> new Attachment(id, todo, "a/b", "text/plain", 1, SHA, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Attachment(id, todo, "a", "text/plain", -1, SHA, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Attachment(id, todo, "a", "text/plain", 1, "XYZ", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idsParseOnlyCanonicalUuids() {
    var id = AttachmentId.random();

    assertThat(AttachmentId.parse(id.toString())).contains(id);
    assertThat(AttachmentId.parse("nonsense")).isEmpty();
    assertThat(AttachmentId.parse(null)).isEmpty();
  }
}

package dev.todo.domain.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListValuesTest {

  @Test
  void aNameIsTrimmedAndCountsCodePoints() {
    assertThat(ListName.of("  Groceries \u2003").value()).isEqualTo("Groceries");
    assertThat(ListName.of("é".repeat(100)).value()).hasSize(100);
    assertThat(ListName.of("😀".repeat(100)).value().codePointCount(0, 200)).isEqualTo(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "a\tb", "a\nb", "a\u0000b"})
  void aNameMustNotBeBlankNorHoldControlCharacters(String raw) {
    assertThatThrownBy(() -> ListName.of(raw))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.details()).containsKey("name"));
  }

  @Test
  void aNameHasAtMostOneHundredCharacters() {
    assertThatThrownBy(() -> ListName.of("x".repeat(101)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.details().get("name"))
                    .containsExactly("must be at most 100 characters"));
  }

  @Test
  void rolesAreOrderedFromViewerToOwner() {
    assertThat(ListRole.OWNER.allows(ListRole.EDITOR)).isTrue();
    assertThat(ListRole.EDITOR.allows(ListRole.EDITOR)).isTrue();
    assertThat(ListRole.EDITOR.allows(ListRole.OWNER)).isFalse();
    assertThat(ListRole.VIEWER.allows(ListRole.EDITOR)).isFalse();
  }

  @Test
  void onlyEditorAndViewerCanBeGranted() {
    assertThat(ListRole.grantable("role", "editor")).isEqualTo(ListRole.EDITOR);
    assertThat(ListRole.grantable("role", "viewer")).isEqualTo(ListRole.VIEWER);
    for (String refused : new String[] {"owner", "admin", "Editor", "", "reader"}) {
      assertThatThrownBy(() -> ListRole.grantable("role", refused))
          .as(refused)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.details()).containsKey("role"));
    }
  }

  @Test
  void aListIdIsACanonicalUuid() {
    var id = ListId.random();
    assertThat(ListId.parse(id.toString())).contains(id);
    assertThat(ListId.parse("not-an-id")).isEmpty();
    assertThat(ListId.parse(id.toString().toUpperCase())).contains(id);
    assertThat(ListId.parse(null)).isEmpty();
  }
}

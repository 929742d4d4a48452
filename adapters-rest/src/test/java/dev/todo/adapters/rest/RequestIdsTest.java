package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void aNewIdIsARandomVersion4UuidInItsCanonicalForm() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 1000; i++) {
      UUID id = RequestIds.randomUuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(UUID.fromString(id.toString())).isEqualTo(id);
      seen.add(id.toString());
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void keepsAValidClientIdAndReplacesAnInvalidOne() {
    assertThat(RequestIds.accepted("abc-1.2_3")).isEqualTo("abc-1.2_3");
    assertThat(UUID.fromString(RequestIds.accepted("bad id!")).version()).isEqualTo(4);
    assertThat(UUID.fromString(RequestIds.accepted(null)).version()).isEqualTo(4);
  }
}

package dev.todo.domain.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class InviteTokenTest {

  @Test
  void carriesTwoHundredFiftySixRandomBitsUrlSafe() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 1_000; i++) {
      var token = InviteToken.random();
      assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
      assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
      assertThat(seen.add(token.value())).isTrue();
    }
  }

  @Test
  void isKeptAsItsSha256AndNeverShownInText() {
    var token = new InviteToken("abc");

    assertThat(token.hash())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(token.toString()).doesNotContain("abc");
    assertThat(new InviteToken("abc").hash()).isEqualTo(token.hash());
  }
}

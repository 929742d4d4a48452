package dev.todo.domain.lease;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoverRequestTest {

  private static HandoverRequest parsed(String stored) {
    return HandoverRequest.parse(stored.getBytes(UTF_8)).orElseThrow();
  }

  @Test
  void isStoredAsTheOneLineEveryVersionOfTheServiceWrites() {
    assertThat(new String(new HandoverRequest("rev-00003/instance-b").format(), UTF_8))
        .isEqualTo("holder=rev-00003/instance-b\n");
  }

  @Test
  void readsBackWhatItWrote() {
    var request = new HandoverRequest("instance-b");

    assertThat(HandoverRequest.parse(request.format())).hasValue(request);
  }

  @Test
  void readsABareHolderAndOnlyTheFirstLine() {
    assertThat(parsed("  instance-b \n").requester()).isEqualTo("instance-b");
    assertThat(parsed("holder=instance-b\r\nholder=instance-c\n").requester())
        .isEqualTo("instance-b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " \n ", "holder=", "holder=\n"})
  void aBlankRequestAsksForNothing(String stored) {
    assertThat(HandoverRequest.parse(stored.getBytes(UTF_8))).isEmpty();
  }

  @Test
  void namesSomebodyOnOneLine() {
    assertThatThrownBy(() -> new HandoverRequest(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HandoverRequest("a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

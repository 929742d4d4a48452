package dev.todo.domain.lease;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoverRequestTest {

  private static HandoverRequest parsed(String stored) {
    return HandoverRequest.parse(stored.getBytes(UTF_8)).orElseThrow();
  }

  private static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");

  @Test
  void isStoredAsTheHolderLineEveryVersionReadsThenItsTime() {
    assertThat(new String(new HandoverRequest("rev-00003/instance-b", NOW).format(), UTF_8))
        .isEqualTo("holder=rev-00003/instance-b\nrequested_at=2026-01-15T10:30:00Z\n");
  }

  @Test
  void readsBackWhatItWrote() {
    var request = new HandoverRequest("instance-b", NOW.plusNanos(1));

    assertThat(HandoverRequest.parse(request.format())).hasValue(request);
  }

  @Test
  void readsABareHolderFromTheFirstLineOnly() {
    assertThat(parsed("  instance-b \n").requester()).isEqualTo("instance-b");
    assertThat(parsed("holder=instance-b\r\nholder=instance-c\n").requester())
        .isEqualTo("instance-b");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"holder=instance-b\n", "holder=instance-b\nrequested_at=soon\n", "instance-b"})
  void aRequestWithoutAReadableTimeIsExpired(String stored) {
    HandoverRequest request = parsed(stored);

    assertThat(request.requestedAt()).isEqualTo(Instant.EPOCH);
    assertThat(request.standsAt(NOW, Duration.ofDays(365))).isFalse();
  }

  @Test
  void standsForItsMaximumAgeAndNoLonger() {
    var request = new HandoverRequest("instance-b", NOW);
    Duration maxAge = Duration.ofSeconds(6);

    assertThat(request.standsAt(NOW.plus(maxAge).minusMillis(1), maxAge)).isTrue();
    assertThat(request.standsAt(NOW.plus(maxAge), maxAge)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " \n ", "holder=", "holder=\n"})
  void aBlankRequestAsksForNothing(String stored) {
    assertThat(HandoverRequest.parse(stored.getBytes(UTF_8))).isEmpty();
  }

  @Test
  void namesSomebodyOnOneLine() {
    assertThatThrownBy(() -> new HandoverRequest(" ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HandoverRequest("a\nb", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

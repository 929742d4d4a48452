package dev.todo.domain.lease;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeaseRecordTest {

  private static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");
  private static final Duration TTL = Duration.ofSeconds(30);

  private static LeaseRecord parse(String stored) {
    return LeaseRecord.parse(stored.getBytes(UTF_8));
  }

  @Test
  void isStoredAsTheTwoLinesEveryVersionOfTheServiceWrites() {
    byte[] stored = LeaseRecord.grantedTo("rev-00002/instance-a", NOW, TTL).format();

    assertThat(new String(stored, UTF_8))
        .isEqualTo("holder=rev-00002/instance-a\nexpires_at=2026-01-15T10:30:30Z\n");
  }

  @Test
  void readsBackWhatItWrote() {
    LeaseRecord record = new LeaseRecord("instance-a", NOW.plusMillis(1234));

    assertThat(LeaseRecord.parse(record.format())).isEqualTo(record);
  }

  @Test
  void readsLinesInAnyOrderWithCarriageReturnsAndUnknownLines() {
    assertThat(parse("version=2\r\nexpires_at= 2026-01-15T10:30:30Z \r\nholder=instance-a\r\n"))
        .isEqualTo(new LeaseRecord("instance-a", NOW.plus(TTL)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "holder=instance-a\n",
        "holder=instance-a\nexpires_at=tomorrow\n",
        "holder=instance-a\nexpires_at=\n",
        "holder=instance-a\nexpires_at=2999-01-01T00:00:00Z\nexpires_at=soon\n"
      })
  void aMissingOrMalformedExpiryCountsAsExpired(String stored) {
    assertThat(parse(stored)).isEqualTo(new LeaseRecord("instance-a", Instant.EPOCH));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\n",
        "not a lease record",
        "expires_at=2999-01-01T00:00:00Z\n",
        "holder=\nexpires_at=2999-01-01T00:00:00Z\n",
        "holder=  \nexpires_at=2999-01-01T00:00:00Z\n"
      })
  void aRecordNamingNoHolderIsHeldByNobody(String stored) {
    assertThat(parse(stored)).isEqualTo(LeaseRecord.HELD_BY_NOBODY);
  }

  @Test
  void bytesThatAreNotTextAreHeldByNobody() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, 7, '\n', (byte) 0xc3};

    assertThat(LeaseRecord.parse(garbage)).isEqualTo(LeaseRecord.HELD_BY_NOBODY);
  }

  @Test
  void aRecordHeldByNobodyMayBeTakenByAnyone() {
    assertThat(LeaseRecord.HELD_BY_NOBODY.isHeldBy("instance-a")).isFalse();
    assertThat(LeaseRecord.HELD_BY_NOBODY.isHeldBy("")).isFalse();
    assertThat(LeaseRecord.HELD_BY_NOBODY.mayBeTakenBy("instance-a", NOW)).isTrue();
  }

  @Test
  void aRecordWithAMalformedExpiryMayBeTakenOverByAnotherHolder() {
    LeaseRecord record = parse("holder=instance-a\nexpires_at=tomorrow\n");

    assertThat(record.isHeldBy("instance-a")).isTrue();
    assertThat(record.mayBeTakenBy("instance-b", NOW)).isTrue();
  }

  @Test
  void itsHolderMayTakeItAgainWhileItIsValid() {
    LeaseRecord record = LeaseRecord.grantedTo("instance-a", NOW, TTL);

    assertThat(record.isHeldBy("instance-a")).isTrue();
    assertThat(record.mayBeTakenBy("instance-a", NOW.plus(TTL).minusMillis(1))).isTrue();
  }

  @Test
  void anotherHolderMayTakeItFromTheMomentItExpires() {
    LeaseRecord record = LeaseRecord.grantedTo("instance-a", NOW, TTL);

    assertThat(record.isHeldBy("instance-b")).isFalse();
    assertThat(record.mayBeTakenBy("instance-b", NOW.plus(TTL).minusMillis(1))).isFalse();
    assertThat(record.hasExpiredAt(NOW.plus(TTL))).isTrue();
    assertThat(record.mayBeTakenBy("instance-b", NOW.plus(TTL))).isTrue();
  }

  @Test
  void aValidRecordMayBeTakenAtOnceWhenItsHolderIsProvablyGone() {
    LeaseRecord record = LeaseRecord.grantedTo("instance-a", NOW, TTL);
    var asked = new ArrayList<String>();

    assertThat(record.mayBeTakenBy("instance-b", NOW, who -> asked.add(who) && false)).isFalse();
    assertThat(record.mayBeTakenBy("instance-b", NOW, who -> asked.add(who))).isTrue();
    assertThat(asked).as("about the record's holder").containsExactly("instance-a", "instance-a");
  }

  @Test
  void whetherTheHolderIsGoneIsAskedOnlyWhenNeitherOursNorExpired() {
    LeaseRecord record = LeaseRecord.grantedTo("instance-a", NOW, TTL);
    Predicate<String> notToBeAsked =
        who -> {
          throw new AssertionError("asked about " + who);
        };

    assertThat(record.mayBeTakenBy("instance-a", NOW, notToBeAsked)).isTrue();
    assertThat(record.mayBeTakenBy("instance-b", NOW.plus(TTL), notToBeAsked)).isTrue();
    assertThat(LeaseRecord.HELD_BY_NOBODY.mayBeTakenBy("instance-b", NOW, notToBeAsked)).isTrue();
  }

  @Test
  void anExpiredRecordIsStillHeldByItsHolderUntilSomebodyTakesIt() {
    LeaseRecord record = LeaseRecord.grantedTo("instance-a", NOW, TTL);

    assertThat(record.hasExpiredAt(NOW.plus(TTL.multipliedBy(2)))).isTrue();
    assertThat(record.isHeldBy("instance-a")).isTrue();
  }

  @Test
  void isGrantedOnlyToSomebody() {
    assertThatThrownBy(() -> LeaseRecord.grantedTo(" ", NOW, TTL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHolderCannotBreakTheRecordIntoMoreLines() {
    assertThatThrownBy(() -> LeaseRecord.grantedTo("a\nexpires_at=2999-01-01T00:00:00Z", NOW, TTL))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.todo.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ForbiddenException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void aUserSeesOnlyTheirOwnData() {
    var alice = Caller.of("alice");

    assertThat(alice.canAccess("alice")).isTrue();
    assertThat(alice.canAccess("bob")).isFalse();
    assertThat(alice.ownerToRead(Optional.empty())).isEqualTo("alice");
    assertThat(alice.ownerToRead(Optional.of("alice"))).isEqualTo("alice");
    assertThatThrownBy(() -> alice.ownerToRead(Optional.of("bob")))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anAdminSeesEveryone() {
    var admin = Caller.of("root", Caller.ADMIN);

    assertThat(admin.canAccess("bob")).isTrue();
    assertThat(admin.ownerToRead(Optional.of("bob"))).isEqualTo("bob");
  }

  @Test
  void readOnlyRefusesWritesEvenForAnAdmin() {
    assertThatThrownBy(() -> Caller.of("r", Caller.READONLY).requireWriteAccess())
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> Caller.of("r", Caller.READONLY, Caller.ADMIN).requireWriteAccess())
        .isInstanceOf(ForbiddenException.class);
    assertThatCode(() -> Caller.of("w").requireWriteAccess()).doesNotThrowAnyException();
  }

  @Test
  void needsASubject() {
    assertThatThrownBy(() -> Caller.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}

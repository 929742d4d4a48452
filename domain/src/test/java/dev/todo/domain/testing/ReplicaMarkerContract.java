package dev.todo.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.port.out.ReplicaMarker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReplicaMarker} promises, over one shared store per test. */
public abstract class ReplicaMarkerContract {

  /** A new, empty shared store; called before each test. */
  protected abstract void newStore();

  /** A marker over the current shared store (another instance's sees the same). */
  protected abstract ReplicaMarker marker();

  /** A marker over a store that does not answer. */
  protected abstract ReplicaMarker unreachableMarker();

  @BeforeEach
  void emptyStore() {
    newStore();
  }

  @Test
  void isNotSetOnAFreshStore() {
    assertThat(marker().isSet()).isFalse();
  }

  @Test
  void onceSetEveryInstanceSeesItAndSettingAgainChangesNothing() {
    assertThat(marker().set()).isTrue();
    assertThat(marker().set()).isTrue();
    assertThat(marker().isSet()).isTrue();
  }

  @Test
  void anUnreachableStoreCannotTellAndRecordsNothing() {
    ReplicaMarker unreachable = unreachableMarker();
    assertThatThrownBy(unreachable::isSet).isInstanceOf(IllegalStateException.class);
    assertThat(unreachable.set()).isFalse();
  }
}

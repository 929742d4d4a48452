package dev.todo.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.HealthProbe;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HealthProbe} promises. Each adapter and its fake extend this class and supply a
 * probe over a reachable dependency and one over an unreachable one.
 */
public abstract class HealthProbeContract {

  protected abstract HealthProbe reachableProbe();

  protected abstract HealthProbe unreachableProbe();

  @Test
  void namesTheDependencyWithALowerCaseKey() {
    assertThat(reachableProbe().name()).matches("[a-z][a-z_]*");
  }

  @Test
  void reportsUpWhenTheDependencyAnswers() {
    assertThat(reachableProbe().isUp()).isTrue();
  }

  @Test
  void reportsDownInsteadOfThrowingWhenTheDependencyDoesNotAnswer() {
    assertThat(unreachableProbe().isUp()).isFalse();
  }
}

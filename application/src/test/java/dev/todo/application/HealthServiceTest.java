package dev.todo.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.testing.SwitchableHealthProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

  private final SwitchableHealthProbe database = new SwitchableHealthProbe("database");
  private final SwitchableHealthProbe storage = new SwitchableHealthProbe("storage");
  private final HealthService service = new HealthService(List.of(storage, database));

  @Test
  void isUpWhenEveryDependencyIs() {
    var report = service.check();

    assertThat(report.isUp()).isTrue();
    assertThat(report.checks()).containsExactly(entry("database", true), entry("storage", true));
  }

  @Test
  void isDownWhenAnyDependencyIsAndNamesIt() {
    storage.goDown();

    var report = service.check();

    assertThat(report.isUp()).isFalse();
    assertThat(report.checks()).containsEntry("storage", false).containsEntry("database", true);
  }

  private static java.util.Map.Entry<String, Boolean> entry(String name, boolean up) {
    return java.util.Map.entry(name, up);
  }
}

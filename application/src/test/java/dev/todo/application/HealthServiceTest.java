package dev.todo.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.domain.port.out.HealthProbe;
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

  @Test
  void carriesTheDetailsAProbeReports() {
    var replication =
        new HealthProbe() {
          @Override
          public String name() {
            return "replication";
          }

          @Override
          public boolean isUp() {
            return true;
          }

          @Override
          public java.util.Map<String, Long> details() {
            return java.util.Map.of("last_sync_age_seconds", 2L);
          }
        };

    var report = new HealthService(List.of(database, replication)).check();

    assertThat(report.details())
        .containsOnlyKeys("replication")
        .containsEntry("replication", new java.util.TreeMap<>(replication.details()));
  }

  private static java.util.Map.Entry<String, Boolean> entry(String name, boolean up) {
    return java.util.Map.entry(name, up);
  }
}

package dev.todo.application;

import dev.todo.domain.port.in.CheckHealthUseCase;
import dev.todo.domain.port.in.HealthReport;
import dev.todo.domain.port.out.HealthProbe;
import java.util.List;
import java.util.TreeMap;

/** Asks every probe in turn; a probe reports down rather than throw. */
public final class HealthService implements CheckHealthUseCase {

  private final List<HealthProbe> probes;

  public HealthService(List<HealthProbe> probes) {
    this.probes = List.copyOf(probes);
  }

  @Override
  public HealthReport check() {
    var checks = new TreeMap<String, Boolean>();
    for (HealthProbe probe : probes) {
      checks.put(probe.name(), probe.isUp());
    }
    return new HealthReport(checks);
  }
}

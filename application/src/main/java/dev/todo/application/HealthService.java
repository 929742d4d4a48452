package dev.todo.application;

import dev.todo.domain.port.in.CheckHealthUseCase;
import dev.todo.domain.port.in.HealthReport;
import dev.todo.domain.port.out.HealthProbe;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Asks every probe in turn, for its state and its details; a probe reports down rather than throw.
 */
public final class HealthService implements CheckHealthUseCase {

  private final List<HealthProbe> probes;

  public HealthService(List<HealthProbe> probes) {
    this.probes = List.copyOf(probes);
  }

  @Override
  public HealthReport check() {
    var checks = new TreeMap<String, Boolean>();
    var details = new TreeMap<String, SortedMap<String, Long>>();
    for (HealthProbe probe : probes) {
      checks.put(probe.name(), probe.isUp());
      Map<String, Long> facts = probe.details();
      if (!facts.isEmpty()) {
        details.put(probe.name(), new TreeMap<>(facts));
      }
    }
    return new HealthReport(checks, details);
  }
}

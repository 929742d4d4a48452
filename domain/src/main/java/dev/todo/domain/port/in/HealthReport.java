package dev.todo.domain.port.in;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The state of each dependency by name; the service is up when every dependency is. */
public record HealthReport(SortedMap<String, Boolean> checks) {

  public HealthReport {
    checks = new TreeMap<>(Map.copyOf(checks));
  }

  public boolean isUp() {
    return checks.values().stream().allMatch(Boolean::booleanValue);
  }
}

package dev.todo.domain.port.in;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state of each dependency by name, and the facts some of them report beside it; the service is
 * up when every dependency is.
 */
public record HealthReport(
    SortedMap<String, Boolean> checks, SortedMap<String, SortedMap<String, Long>> details) {

  public HealthReport {
    checks = new TreeMap<>(Map.copyOf(checks));
    var copied = new TreeMap<String, SortedMap<String, Long>>();
    details.forEach((name, facts) -> copied.put(name, new TreeMap<>(Map.copyOf(facts))));
    details = copied;
  }

  public HealthReport(SortedMap<String, Boolean> checks) {
    this(checks, new TreeMap<>());
  }

  public boolean isUp() {
    return checks.values().stream().allMatch(Boolean::booleanValue);
  }
}

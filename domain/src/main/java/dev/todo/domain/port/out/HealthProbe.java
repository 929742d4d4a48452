package dev.todo.domain.port.out;

import java.util.Map;

/** A dependency the service needs to answer requests, such as the database or the object store. */
public interface HealthProbe {

  /** The key under which the check is reported, such as {@code database}. */
  String name();

  /** Whether the dependency answers now; never throws and returns within a few seconds. */
  boolean isUp();

  /**
   * Facts worth showing beside the state, as whole numbers by name (such as an age in seconds);
   * none by default. Never throws.
   */
  default Map<String, Long> details() {
    return Map.of();
  }
}

package dev.todo.floor;

import io.micronaut.runtime.Micronaut;

/** The framework floor: Micronaut with the service's server, pool, driver and serialiser only. */
public final class FloorApplication {

  private FloorApplication() {}

  public static void main(String[] args) {
    Micronaut.run(FloorApplication.class, args);
  }
}

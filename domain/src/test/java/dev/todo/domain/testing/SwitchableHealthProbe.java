package dev.todo.domain.testing;

import dev.todo.domain.port.out.HealthProbe;

/** In-memory fake of {@link HealthProbe} whose answer a test switches. */
public final class SwitchableHealthProbe implements HealthProbe {

  private final String name;
  private volatile boolean up = true;

  public SwitchableHealthProbe(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isUp() {
    return up;
  }

  public void goDown() {
    up = false;
  }
}

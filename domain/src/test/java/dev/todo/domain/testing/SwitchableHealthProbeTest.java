package dev.todo.domain.testing;

import dev.todo.domain.port.out.HealthProbe;

class SwitchableHealthProbeTest extends HealthProbeContract {

  @Override
  protected HealthProbe reachableProbe() {
    return new SwitchableHealthProbe("database");
  }

  @Override
  protected HealthProbe unreachableProbe() {
    var probe = new SwitchableHealthProbe("database");
    probe.goDown();
    return probe;
  }
}

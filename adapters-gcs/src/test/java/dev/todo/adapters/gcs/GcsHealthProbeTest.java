package dev.todo.adapters.gcs;

import dev.todo.domain.port.out.HealthProbe;
import dev.todo.domain.testing.HealthProbeContract;
import java.time.Duration;

class GcsHealthProbeTest extends HealthProbeContract {

  @Override
  protected HealthProbe reachableProbe() {
    return new GcsHealthProbe(Backends.inMemory(), Backends.BUCKET, Duration.ofSeconds(10));
  }

  @Override
  protected HealthProbe unreachableProbe() {
    return new GcsHealthProbe(
        Backends.refusingConnections(), Backends.BUCKET, Duration.ofSeconds(10));
  }
}

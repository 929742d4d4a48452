package dev.todo.bootstrap;

import dev.todo.application.HealthService;
import dev.todo.domain.port.in.CheckHealthUseCase;
import dev.todo.domain.port.out.HealthProbe;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the framework-free application services from the adapters that implement their ports. */
@Factory
class UseCaseFactory {

  @Singleton
  CheckHealthUseCase checkHealth(List<HealthProbe> probes) {
    return new HealthService(probes);
  }
}

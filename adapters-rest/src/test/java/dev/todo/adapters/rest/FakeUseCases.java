package dev.todo.adapters.rest;

import dev.todo.domain.port.in.CheckHealthUseCase;
import dev.todo.domain.port.in.HealthReport;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.TreeMap;

/** The use cases the controllers drive, replaced by small fakes that the tests steer. */
@Factory
class FakeUseCases {

  @Singleton
  FakeTodos todos() {
    return new FakeTodos();
  }

  @Singleton
  CheckHealthUseCase health() {
    var checks = new TreeMap<String, Boolean>();
    checks.put("database", true);
    return () -> new HealthReport(checks);
  }
}

package dev.todo.domain.port.in;

/** Reports whether the service and each dependency it needs can serve requests. */
public interface CheckHealthUseCase {

  HealthReport check();
}

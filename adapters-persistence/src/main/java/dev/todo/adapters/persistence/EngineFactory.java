package dev.todo.adapters.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The engine of the datasource, for the few statements that differ between engines. */
@Factory
final class EngineFactory {

  @Singleton
  DatabaseEngine engine(@Value("${datasources.default.url}") String url) {
    return DatabaseEngine.of(url);
  }
}

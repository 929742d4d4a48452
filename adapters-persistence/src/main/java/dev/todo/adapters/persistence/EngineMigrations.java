package dev.todo.adapters.persistence;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Points Flyway at the migrations of the engine the datasource's URL names, and adds those written
 * in Java (the same on both engines).
 */
@Singleton
@Named("default")
final class EngineMigrations implements FlywayConfigurationCustomizer {

  private final DatabaseEngine engine;

  EngineMigrations(DatabaseEngine engine) {
    this.engine = engine;
  }

  @Override
  public void customizeFluentConfiguration(FluentConfiguration configuration) {
    configuration.locations(engine.migrations()).javaMigrations(new FoldNotesMigration());
  }

  @Override
  public String getName() {
    return "default";
  }
}

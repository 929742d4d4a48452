package dev.todo.adapters.persistence;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date as the pool is created, before anything can use it: Flyway with the
 * migrations of the engine the datasource's URL names, and those written in Java (the same on both
 * engines). Flyway is called directly rather than through micronaut-flyway, which would bring
 * micronaut-management and an asynchronous runner to every start (docs/decisions.md, "Startup").
 */
@Singleton
final class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

  private final DatabaseEngine engine;

  SchemaMigrations(DatabaseEngine engine) {
    this.engine = engine;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    DataSource dataSource = event.getBean();
    var result =
        ofEngine(Flyway.configure().dataSource(DelegatingDataSource.unwrapDataSource(dataSource)))
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "Schema migrated from version {} to {} ({} migrations)",
          result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
    return dataSource;
  }

  /** The engine's migrations on a configuration of Flyway's (the migration tests' too). */
  FluentConfiguration ofEngine(FluentConfiguration flyway) {
    return flyway.locations(engine.migrations()).javaMigrations(new FoldNotesMigration());
  }
}

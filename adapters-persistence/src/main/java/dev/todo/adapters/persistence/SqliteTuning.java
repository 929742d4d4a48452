package dev.todo.adapters.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tunes every SQLite connection before the pool opens: WAL so readers never block the writer,
 * {@code synchronous=NORMAL} (durable at each checkpoint, safe with WAL), foreign keys on, and a
 * busy timeout. Also creates the database file's directory, which SQLite will not do.
 */
@Singleton
final class SqliteTuning implements BeanCreatedEventListener<DatasourceConfiguration> {

  static final String URL_PREFIX = "jdbc:sqlite:";

  private final DatabaseConfiguration database;

  SqliteTuning(DatabaseConfiguration database) {
    this.database = database;
  }

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration config = event.getBean();
    String url = config.getJdbcUrl();
    if (url == null || !url.startsWith(URL_PREFIX)) {
      return config;
    }
    databaseFile(url).ifPresent(SqliteTuning::createParentDirectory);
    SqlitePragmas.defaults(database.cacheKib()).forEach(config::addDataSourceProperty);
    return config;
  }

  private static java.util.Optional<Path> databaseFile(String url) {
    String location = url.substring(URL_PREFIX.length());
    int query = location.indexOf('?');
    if (query >= 0) {
      location = location.substring(0, query);
    }
    if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith("file:")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Path.of(location).toAbsolutePath());
  }

  private static void createParentDirectory(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of the database " + file, e);
    }
  }
}

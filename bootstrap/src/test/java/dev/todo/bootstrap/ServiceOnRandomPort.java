package dev.todo.bootstrap;

import dev.todo.domain.testing.PostgresCluster;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the assembled service for a system test: a random port, its own SQLite file (or a new
 * database of the tests' PostgreSQL cluster) and attachment directory under {@code directory}, plus
 * the test's own settings.
 */
public final class ServiceOnRandomPort {

  private ServiceOnRandomPort() {}

  public static EmbeddedServer start(Path directory, Map<String, Object> settings) {
    var properties = new HashMap<String, Object>();
    properties.put("micronaut.server.port", -1);
    properties.put("datasources.default.url", "jdbc:sqlite:" + directory.resolve("todo.db"));
    properties.put("todo.attachments.dir", directory.resolve("attachments").toString());
    properties.putAll(settings);
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  /** The service on a new database of the tests' PostgreSQL cluster. */
  public static EmbeddedServer startOnPostgres(Path directory, Map<String, Object> settings) {
    var properties = new HashMap<String, Object>(settings);
    properties.put("datasources.default.url", PostgresCluster.shared().newDatabase());
    return start(directory, properties);
  }
}

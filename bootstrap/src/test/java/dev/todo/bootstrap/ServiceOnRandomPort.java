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

  private static final String DATABASE_URL = "datasources.default.url";

  /**
   * Set by the build's second run of the system tests ({@code todo.test.engine=postgres}): every
   * service a test starts without naming a database gets one of PostgreSQL.
   */
  private static final boolean ON_POSTGRES =
      "postgres".equals(System.getProperty("todo.test.engine"));

  private ServiceOnRandomPort() {}

  public static EmbeddedServer start(Path directory, Map<String, Object> settings) {
    if (ON_POSTGRES && !settings.containsKey(DATABASE_URL)) {
      return startOnPostgres(directory, settings);
    }
    var properties = new HashMap<String, Object>();
    properties.put("micronaut.server.port", -1);
    properties.put(DATABASE_URL, "jdbc:sqlite:" + directory.resolve("todo.db"));
    properties.put("todo.attachments.dir", directory.resolve("attachments").toString());
    properties.putAll(settings);
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  /** The service on a new database of the tests' PostgreSQL cluster. */
  public static EmbeddedServer startOnPostgres(Path directory, Map<String, Object> settings) {
    var properties = new HashMap<String, Object>(settings);
    properties.put(DATABASE_URL, PostgresCluster.shared().newDatabase());
    return start(directory, properties);
  }
}

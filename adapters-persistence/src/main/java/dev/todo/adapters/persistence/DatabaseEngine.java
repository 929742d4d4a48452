package dev.todo.adapters.persistence;

import java.util.Locale;

/**
 * The engine a JDBC URL names: {@code jdbc:sqlite:} (the embedded default, one writer) or {@code
 * jdbc:postgresql:} (Cloud SQL, many instances). Each has its own migrations, {@code
 * db/migration/<engine>}, numbered alike: one version is one change on both.
 */
enum DatabaseEngine {
  SQLITE("jdbc:sqlite:", "SELECT count(*) >= 0 FROM sqlite_schema"),
  POSTGRES("jdbc:postgresql:", "SELECT NOT pg_is_in_recovery()");

  private final String urlPrefix;
  private final String healthQuery;

  DatabaseEngine(String urlPrefix, String healthQuery) {
    this.urlPrefix = urlPrefix;
    this.healthQuery = healthQuery;
  }

  static DatabaseEngine of(String jdbcUrl) {
    for (DatabaseEngine engine : values()) {
      if (jdbcUrl != null && jdbcUrl.startsWith(engine.urlPrefix)) {
        return engine;
      }
    }
    throw new IllegalArgumentException(
        "TODO_DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql:, not " + jdbcUrl);
  }

  /** One row whose first column is true while the database can serve the service. */
  String healthQuery() {
    return healthQuery;
  }

  /** Where Flyway finds this engine's migrations. */
  String migrations() {
    return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
  }
}

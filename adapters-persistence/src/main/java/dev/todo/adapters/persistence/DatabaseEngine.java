package dev.todo.adapters.persistence;

import java.util.Locale;

/**
 * The engine a JDBC URL names: {@code jdbc:sqlite:} (the embedded default, one writer) or {@code
 * jdbc:postgresql:} (Cloud SQL, many instances). Each has its own migrations, {@code
 * db/migration/<engine>}, numbered alike: one version is one change on both.
 */
enum DatabaseEngine {
  SQLITE("jdbc:sqlite:"),
  POSTGRES("jdbc:postgresql:");

  private final String urlPrefix;

  DatabaseEngine(String urlPrefix) {
    this.urlPrefix = urlPrefix;
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

  /** Where Flyway finds this engine's migrations. */
  String migrations() {
    return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
  }
}

package dev.todo.adapters.persistence;

import dev.todo.domain.error.ServiceUnavailableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns "the database did not answer in time" into the domain's own exception. */
final class SqliteErrors {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private SqliteErrors() {}

  static <T> T translate(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (isBusy(e)) {
        throw new ServiceUnavailableException(
            "The database is busy; try again shortly", RETRY_AFTER, e);
      }
      throw e;
    }
  }

  static boolean isBusy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLiteException sqlite && isBusy(sqlite.getResultCode())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBusy(SQLiteErrorCode code) {
    return code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED");
  }
}

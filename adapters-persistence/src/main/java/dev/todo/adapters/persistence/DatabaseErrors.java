package dev.todo.adapters.persistence;

import dev.todo.domain.error.DatabaseFailureException;
import dev.todo.domain.error.ServiceUnavailableException;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns what the database raised into the domain's own exceptions. */
final class DatabaseErrors {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private DatabaseErrors() {}

  /**
   * Runs {@code work}; what the database raised leaves as the domain's own exception: "busy" as
   * {@link ServiceUnavailableException}, anything else as {@link DatabaseFailureException}. Every
   * other exception passes unchanged.
   */
  static <T> T translate(Supplier<T> work) {
    try {
      return work.get();
    } catch (DatabaseFailureException | ServiceUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (isBusy(e)) {
        throw new ServiceUnavailableException(
            "The database is busy; try again shortly", RETRY_AFTER, e);
      }
      if (isFromTheDatabase(e)) {
        throw new DatabaseFailureException("The database failed: " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static boolean isFromTheDatabase(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException || cause instanceof DataAccessException) {
        return true;
      }
    }
    return false;
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

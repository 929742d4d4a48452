package dev.todo.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long the trash keeps a to-do, the audit log an event and the sync a removal (and so a cursor
 * stays valid) ({@code todo.retention.*}; env {@code TODO_TRASH_RETENTION_DAYS}, {@code
 * TODO_AUDIT_RETENTION_DAYS}, {@code TODO_SYNC_RETENTION_DAYS}, see README).
 */
@ConfigurationProperties("todo.retention")
record RetentionConfiguration(
    @Bindable(defaultValue = "30") int trashDays,
    @Bindable(defaultValue = "365") int auditDays,
    @Bindable(defaultValue = "30") int syncDays) {

  RetentionConfiguration {
    if (trashDays < 1 || auditDays < 1 || syncDays < 1) {
      throw new IllegalArgumentException("Retention periods are at least one day");
    }
  }

  Duration trash() {
    return Duration.ofDays(trashDays);
  }

  Duration audit() {
    return Duration.ofDays(auditDays);
  }

  Duration sync() {
    return Duration.ofDays(syncDays);
  }
}

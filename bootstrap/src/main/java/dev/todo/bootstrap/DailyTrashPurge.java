package dev.todo.bootstrap;

import dev.todo.domain.port.in.TrashUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trash and audit purge by itself: a while after the start, then once a day. Nothing is
 * kept between runs (the purge deletes what is older than the retention period whenever it runs),
 * so a restart loses no work: the next run catches up. Production also triggers the admin route
 * from Cloud Scheduler (infra/), which does the same.
 */
@Singleton
@Requires(property = "todo.retention.purge-enabled", notEquals = "false")
final class DailyTrashPurge {

  private static final Logger LOG = LoggerFactory.getLogger(DailyTrashPurge.class);

  private final TrashUseCase trash;

  DailyTrashPurge(TrashUseCase trash) {
    this.trash = trash;
  }

  @Scheduled(
      initialDelay = "${todo.retention.purge-initial-delay:10m}",
      fixedDelay = "${todo.retention.purge-interval:24h}")
  void purge() {
    try {
      long purged = trash.purgeExpired();
      LOG.info("Daily purge: {} to-dos deleted for good from the trash", purged);
    } catch (RuntimeException e) {
      LOG.warn("The daily purge did not run, the next one will: {}", e.getMessage());
    }
  }
}

package dev.todo.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Optional;

/**
 * Litestream, run by the service inside its writer lease ({@code todo.replication.*}; env {@code
 * TODO_LITESTREAM_*}).
 *
 * @param litestreamConfig a Litestream configuration file; absent: no replication
 * @param stopTimeout how long shutdown waits for Litestream's final sync
 */
@ConfigurationProperties("todo.replication")
record ReplicationConfiguration(
    Optional<String> litestreamConfig,
    @Bindable(defaultValue = "litestream") String litestreamBinary,
    @Bindable(defaultValue = "4s") Duration stopTimeout) {

  ReplicationConfiguration {
    litestreamConfig = Settings.nonBlank(litestreamConfig);
  }
}

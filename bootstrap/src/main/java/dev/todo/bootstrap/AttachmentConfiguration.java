package dev.todo.bootstrap;

import dev.todo.domain.attachment.AttachmentLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Optional;

/**
 * Where attachment bytes go and what an upload may be ({@code todo.attachments.*}; env {@code
 * TODO_ATTACHMENTS_*}, see README).
 *
 * @param bucket the GCS bucket; absent: the local {@code dir}
 * @param endpoint a GCS emulator's URL; absent: Google's
 * @param reconcileGraceSeconds objects without metadata younger than this are kept by the reconcile
 *     routine (their upload may still be under way)
 */
@ConfigurationProperties("todo.attachments")
record AttachmentConfiguration(
    Optional<String> bucket,
    Optional<String> endpoint,
    @Bindable(defaultValue = "./data/attachments") String dir,
    @Bindable(defaultValue = "10485760") long maxBytes,
    @Bindable(defaultValue = "20") int maxPerTodo,
    @Bindable(defaultValue = "3600") long reconcileGraceSeconds,
    @Bindable(defaultValue = "true") boolean reconcileAtStartup) {

  AttachmentConfiguration {
    bucket = Settings.nonBlank(bucket);
    endpoint = Settings.nonBlank(endpoint);
  }

  AttachmentLimits limits() {
    return new AttachmentLimits(maxBytes, maxPerTodo);
  }

  Duration reconcileGrace() {
    return Duration.ofSeconds(reconcileGraceSeconds);
  }
}

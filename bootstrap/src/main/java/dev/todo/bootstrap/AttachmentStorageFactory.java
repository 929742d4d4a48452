package dev.todo.bootstrap;

import dev.todo.adapters.gcs.GcsClients;
import dev.todo.adapters.localfs.LocalDirectoryBlobStorage;
import dev.todo.adapters.localfs.LocalDirectoryHealthProbe;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.HealthProbe;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where attachment bytes go: the GCS bucket named by {@code TODO_ATTACHMENTS_BUCKET}, else
 * a local directory ({@code TODO_ATTACHMENTS_DIR}). In the production environment ({@value
 * #PRODUCTION}) a missing bucket stops the service at startup instead of writing to the container's
 * disk.
 */
@Factory
class AttachmentStorageFactory {

  static final String PRODUCTION = "gcp";
  private static final Logger LOG = LoggerFactory.getLogger(AttachmentStorageFactory.class);

  /** The chosen store, its health probe and what must be closed with the context. */
  record AttachmentStore(
      BlobStorage storage, HealthProbe probe, String location, Optional<AutoCloseable> client)
      implements AutoCloseable {

    @Override
    public void close() throws Exception {
      if (client.isPresent()) {
        client.get().close();
      }
    }
  }

  /** Built eagerly, so that a missing bucket in production stops the startup. */
  @Context
  @Bean(preDestroy = "close")
  AttachmentStore attachmentStore(Environment environment, AttachmentConfiguration attachments) {
    AttachmentStore store;
    if (attachments.bucket().isPresent()) {
      String bucket = attachments.bucket().get();
      GcsClients gcs = GcsClients.connect(bucket, attachments.endpoint());
      store =
          new AttachmentStore(
              gcs.blobStorage(), gcs.healthProbe(), "gs://" + bucket, Optional.of(gcs));
    } else if (environment.getActiveNames().contains(PRODUCTION)) {
      throw new ConfigurationException(
          "TODO_ATTACHMENTS_BUCKET is not set: in the "
              + PRODUCTION
              + " environment attachments go to a GCS bucket, never to local disk");
    } else {
      Path root = Path.of(attachments.dir()).toAbsolutePath().normalize();
      var local = new LocalDirectoryBlobStorage(root);
      removeAbandonedWrites(local, attachments.reconcileGrace());
      store =
          new AttachmentStore(
              local,
              new LocalDirectoryHealthProbe(root, attachments.maxBytes()),
              root.toString(),
              Optional.empty());
    }
    LOG.info("Attachments are stored in {}", store.location());
    return store;
  }

  @Singleton
  BlobStorage blobStorage(AttachmentStore store) {
    return store.storage();
  }

  @Singleton
  @Named("storage")
  HealthProbe storageHealthProbe(AttachmentStore store) {
    return store.probe();
  }

  /**
   * Temporary files of writes a crash interrupted: never objects, removed once untouched for the
   * reconcile grace (a write still under way in a previous instance keeps touching its file).
   */
  private static void removeAbandonedWrites(LocalDirectoryBlobStorage local, Duration idle) {
    try {
      int removed = local.removeAbandonedWrites(idle);
      if (removed > 0) {
        LOG.info("Removed {} abandoned temporary files from {}", removed, local.root());
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not clean {}: {}", local.root(), e.getMessage());
    }
  }
}

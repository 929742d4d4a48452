package dev.todo.bootstrap;

import dev.todo.adapters.gcs.GcsClients;
import dev.todo.adapters.localfs.LocalFileReplicaMarker;
import dev.todo.adapters.localfs.LocalFileWriterLease;
import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.port.out.ReplicaMarker;
import dev.todo.domain.port.out.WriterLease;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses where the single-writer lease lives: an object in the GCS bucket named by {@code
 * TODO_LEASE_BUCKET} (production: the Litestream replica bucket), else a file next to the SQLite
 * database ({@code <database>.lease}), so that two local instances on one file exclude each other
 * too. A private in-memory database needs no lease. In the {@value
 * AttachmentStorageFactory#PRODUCTION} environment a missing bucket stops the startup.
 */
@Factory
@SingleWriter
class WriterLeaseFactory {

  private static final Logger LOG = LoggerFactory.getLogger(WriterLeaseFactory.class);

  /**
   * The lease, the replica marker beside it (the lease bucket is the replica's), and the client
   * they need closed with the context.
   */
  record LeaseStore(
      WriterLease lease, ReplicaMarker marker, String location, Optional<AutoCloseable> client)
      implements AutoCloseable {

    @Override
    public void close() throws Exception {
      if (client.isPresent()) {
        client.get().close();
      }
    }
  }

  @Singleton
  @Bean(preDestroy = "close")
  LeaseStore leaseStore(
      Environment environment,
      Clock clock,
      LeaseConfiguration configuration,
      DatabaseFile databaseFile) {
    String holder = configuration.instanceId().orElseGet(WriterLeaseFactory::defaultHolder);
    Duration ttl = configuration.ttl();
    LeaseStore store;
    if (configuration.bucket().isPresent()) {
      String bucket = configuration.bucket().get();
      GcsClients gcs = GcsClients.connect(bucket, configuration.endpoint());
      store =
          new LeaseStore(
              gcs.writerLease(configuration.object(), holder, ttl, clock),
              gcs.replicaMarker(besideLease(configuration.object())),
              "gs://" + bucket + "/" + configuration.object(),
              Optional.of(gcs));
    } else if (environment.getActiveNames().contains(AttachmentStorageFactory.PRODUCTION)) {
      throw new ConfigurationException(
          "TODO_LEASE_BUCKET is not set: in the "
              + AttachmentStorageFactory.PRODUCTION
              + " environment the single-writer lease lives in a GCS bucket");
    } else {
      store =
          databaseFile
              .path()
              .map(
                  file -> {
                    Path leaseFile =
                        configuration
                            .file()
                            .map(Path::of)
                            .orElse(file.resolveSibling(file.getFileName() + ".lease"));
                    return new LeaseStore(
                        new LocalFileWriterLease(leaseFile, holder, ttl, clock),
                        new LocalFileReplicaMarker(
                            file.resolveSibling(file.getFileName() + "." + MARKER)),
                        leaseFile.toString(),
                        Optional.<AutoCloseable>empty());
                  })
              .orElseGet(
                  () ->
                      new LeaseStore(
                          new UnsharedDatabaseLease(holder, ttl),
                          new NeverReplicated(),
                          "none (private in-memory database)",
                          Optional.empty()));
    }
    LOG.info("Writer lease: {} as {}", store.location(), holder);
    return store;
  }

  @Singleton
  WriterLease writerLease(LeaseStore store) {
    return store.lease();
  }

  @Singleton
  ReplicaMarker replicaMarker(LeaseStore store) {
    return store.marker();
  }

  private static final String MARKER = "replica-initialised";

  /** {@code lease/writer} → {@code lease/replica-initialised}. */
  static String besideLease(String leaseObject) {
    return leaseObject.substring(0, leaseObject.lastIndexOf('/') + 1) + MARKER;
  }

  /** A private in-memory database is never replicated, so never lost. */
  private record NeverReplicated() implements ReplicaMarker {
    @Override
    public boolean isSet() {
      return false;
    }

    @Override
    public boolean set() {
      return true;
    }
  }

  @Singleton
  DatabaseFile databaseFile(@Value("${datasources.default.url:}") String url) {
    return new DatabaseFile(fileOf(url));
  }

  /** The SQLite database's file, or empty for a private in-memory database. */
  record DatabaseFile(Optional<Path> path) {}

  /** The file of a {@code jdbc:sqlite:} URL, or empty for an in-memory database. */
  static Optional<Path> fileOf(String url) {
    if (!url.startsWith("jdbc:sqlite:") || url.contains("mode=memory")) {
      return Optional.empty();
    }
    String path = url.substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    if (path.isBlank() || path.contains(":memory:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(path).toAbsolutePath().normalize());
  }

  private static String defaultHolder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "instance";
    }
    String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    // On Cloud Run the revision comes first, so that a handover goes only to a newer revision.
    String revision = System.getenv("K_REVISION");
    return revision == null || revision.isBlank() ? id : revision + "/" + id;
  }

  /** Nobody else can open a private in-memory database: always held. */
  private record UnsharedDatabaseLease(String holder, Duration ttl) implements WriterLease {
    @Override
    public boolean acquire() {
      return true;
    }

    @Override
    public boolean renew() {
      return true;
    }

    @Override
    public void release() {}

    @Override
    public boolean requestHandover() {
      return true;
    }

    @Override
    public Optional<HandoverRequest> handoverRequest() {
      return Optional.empty();
    }
  }
}

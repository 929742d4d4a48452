package dev.todo.bootstrap;

import dev.todo.adapters.gcs.GcsClients;
import dev.todo.adapters.localfs.LocalFileWriterLease;
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
class WriterLeaseFactory {

  private static final Logger LOG = LoggerFactory.getLogger(WriterLeaseFactory.class);

  /** The lease and the client it needs closed with the context. */
  record LeaseStore(WriterLease lease, String location, Optional<AutoCloseable> client)
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
      @Value("${todo.lease.bucket:}") String bucket,
      @Value("${todo.lease.object:lease/writer}") String objectName,
      @Value("${todo.lease.endpoint:}") String endpoint,
      @Value("${todo.lease.ttl:30s}") Duration ttl,
      @Value("${todo.instance-id:}") String instanceId,
      @Value("${datasources.default.url:}") String databaseUrl) {
    String holder = instanceId.isBlank() ? defaultHolder() : instanceId.strip();
    LeaseStore store;
    if (!bucket.isBlank()) {
      GcsClients gcs =
          GcsClients.connect(
              bucket.strip(),
              endpoint.isBlank() ? Optional.empty() : Optional.of(endpoint.strip()));
      store =
          new LeaseStore(
              gcs.writerLease(objectName, holder, ttl, clock),
              "gs://" + bucket.strip() + "/" + objectName,
              Optional.of(gcs));
    } else if (environment.getActiveNames().contains(AttachmentStorageFactory.PRODUCTION)) {
      throw new ConfigurationException(
          "TODO_LEASE_BUCKET is not set: in the "
              + AttachmentStorageFactory.PRODUCTION
              + " environment the single-writer lease lives in a GCS bucket");
    } else {
      Optional<Path> database = databaseFile(databaseUrl);
      store =
          database
              .map(
                  file -> {
                    Path leaseFile = file.resolveSibling(file.getFileName() + ".lease");
                    return new LeaseStore(
                        new LocalFileWriterLease(leaseFile, holder, ttl, clock),
                        leaseFile.toString(),
                        Optional.<AutoCloseable>empty());
                  })
              .orElseGet(
                  () ->
                      new LeaseStore(
                          new UnsharedDatabaseLease(holder, ttl),
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

  /** The file of a {@code jdbc:sqlite:} URL, or empty for an in-memory database. */
  static Optional<Path> databaseFile(String url) {
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
    public Optional<String> handoverRequester() {
      return Optional.empty();
    }
  }
}

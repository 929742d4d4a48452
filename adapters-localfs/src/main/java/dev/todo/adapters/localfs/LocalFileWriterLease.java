package dev.todo.adapters.localfs;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.lease.LeaseRecord;
import dev.todo.domain.port.out.WriterLease;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer lease of a local run: a file next to the database ({@code todo.db.lease}), with the
 * same semantics as the bucket object in production, so that two local instances on one database
 * file behave as two Cloud Run instances on one bucket. Each read-decide-write runs under an
 * exclusive lock on {@code <lease file>.lock} (between processes) and a lock per file (between
 * leases in one JVM, which the file lock does not separate); the record is replaced atomically.
 */
public final class LocalFileWriterLease implements WriterLease {

  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final Path handoverFile;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;

  public LocalFileWriterLease(Path leaseFile, String holder, Duration ttl, Clock clock) {
    this.file = leaseFile.toAbsolutePath().normalize();
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.handoverFile = file.resolveSibling(file.getFileName() + ".handover");
    this.holder = holder;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public String holder() {
    return holder;
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public boolean acquire() {
    return locked(
        () -> {
          if (read().mayBeTakenBy(holder, clock.instant())) {
            write();
            if (requester().filter(holder::equals).isPresent()) {
              Files.deleteIfExists(handoverFile);
            }
            return true;
          }
          return false;
        });
  }

  @Override
  public boolean renew() {
    return locked(
        () -> {
          if (read().isHeldBy(holder)) {
            write();
            return true;
          }
          return false;
        });
  }

  @Override
  public void release() {
    locked(
        () -> {
          if (read().isHeldBy(holder)) {
            Files.deleteIfExists(file);
          }
          return true;
        });
  }

  @Override
  public boolean requestHandover() {
    return locked(
        () -> {
          Files.write(handoverFile, new HandoverRequest(holder).format());
          return true;
        });
  }

  @Override
  public Optional<String> handoverRequester() {
    var found = new java.util.concurrent.atomic.AtomicReference<Optional<String>>(Optional.empty());
    locked(
        () -> {
          found.set(requester().filter(who -> !who.equals(holder)));
          return true;
        });
    return found.get();
  }

  private Optional<String> requester() throws IOException {
    return HandoverRequest.parse(bytesOf(handoverFile)).map(HandoverRequest::requester);
  }

  private interface Step {
    boolean run() throws IOException;
  }

  /** Runs the step under both locks; false when the directory cannot be used. */
  private boolean locked(Step step) {
    ReentrantLock lock = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
    lock.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          var ignored = channel.lock()) {
        return step.run();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  private LeaseRecord read() throws IOException {
    return LeaseRecord.parse(bytesOf(file));
  }

  /** The file's bytes; none when it does not exist, which reads as no record or request. */
  private static byte[] bytesOf(Path path) throws IOException {
    return Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
  }

  private void write() throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.write(temporary, LeaseRecord.grantedTo(holder, clock.instant(), ttl).format());
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}

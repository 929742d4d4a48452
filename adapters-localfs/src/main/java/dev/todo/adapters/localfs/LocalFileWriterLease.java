package dev.todo.adapters.localfs;

import dev.todo.domain.lease.HandoverRequest;
import dev.todo.domain.lease.LeaseRecord;
import dev.todo.domain.port.out.WriterLease;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer lease of a local run: a file next to the database ({@code todo.db.lease}), with the
 * same semantics as the bucket object in production, so that two local instances on one database
 * file behave as two Cloud Run instances on one bucket. Each read-decide-write runs under an
 * exclusive lock on {@code <lease file>.lock} (between processes) and a lock per file (between
 * leases in one JVM, which the file lock does not separate); the record is replaced atomically.
 *
 * <p>The holder also keeps an OS lock on {@code <lease file>.alive}, which names it, for as long as
 * it holds the lease and its process lives (the OS drops the lock when the process ends, however it
 * ends). So an instance that finds a valid record can tell a dead holder on the same host: if it
 * can lock that file and the file names the record's holder, that holder's process is gone, and the
 * lease is taken at once instead of after its expiry. Anything short of that proof (the file
 * locked, absent, or naming someone else) waits for the expiry as before.
 */
public final class LocalFileWriterLease implements WriterLease {

  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  /**
   * This JVM's lock on an {@code .alive} file and the holder it names now. One per file and JVM,
   * opened once and passed on between this JVM's leases: on Linux, closing any channel on a file
   * drops every lock the process holds on it, so this JVM never opens a file it has locked again.
   * Used only under the lease file's locks.
   */
  private static final class Alive {
    private final FileChannel channel;
    private final FileLock lock;
    private String holder = "";

    private Alive(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  private static final Map<Path, Alive> ALIVE_IN_THIS_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final Path handoverFile;
  private final Path aliveFile;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;

  public LocalFileWriterLease(Path leaseFile, String holder, Duration ttl, Clock clock) {
    this.file = leaseFile.toAbsolutePath().normalize();
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.handoverFile = file.resolveSibling(file.getFileName() + ".handover");
    this.aliveFile = file.resolveSibling(file.getFileName() + ".alive");
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
          if (read().mayBeTakenBy(holder, clock.instant(), this::hasEnded)) {
            write();
            signAlive();
            Files.deleteIfExists(handoverFile);
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
            signAlive();
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
            Files.deleteIfExists(handoverFile);
          }
          dropAlive();
          return true;
        });
  }

  @Override
  public boolean requestHandover() {
    return locked(
        () -> {
          Files.write(handoverFile, new HandoverRequest(holder, clock.instant()).format());
          return true;
        });
  }

  @Override
  public Optional<HandoverRequest> handoverRequest() {
    var found = new AtomicReference<Optional<HandoverRequest>>(Optional.empty());
    locked(
        () -> {
          found.set(
              HandoverRequest.parse(bytesOf(handoverFile))
                  .filter(asked -> !asked.requester().equals(holder)));
          return true;
        });
    return found.get();
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

  /**
   * Whether the process of {@code recordHolder} has provably ended: nobody holds the lock on the
   * {@code .alive} file, and the file names {@code recordHolder}. Not when this JVM holds that lock
   * (the holder runs here), nor when anything fails.
   */
  private boolean hasEnded(String recordHolder) {
    if (ALIVE_IN_THIS_JVM.containsKey(aliveFile) || !Files.exists(aliveFile)) {
      return false;
    }
    try (FileChannel channel =
            FileChannel.open(aliveFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null && Arrays.equals(contentOf(channel), aliveLine(recordHolder));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Makes the {@code .alive} file, locked by this JVM, name this holder. Best effort: while the
   * process of a former holder still runs (paused past its expiry) the lock stays with it, and if
   * this holder dies meanwhile the next one waits for the expiry.
   */
  private void signAlive() {
    try {
      Alive alive = ALIVE_IN_THIS_JVM.get(aliveFile);
      if (alive == null) {
        FileChannel channel =
            FileChannel.open(
                aliveFile,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        if (lock == null) {
          channel.close();
          return;
        }
        alive = new Alive(channel, lock);
        ALIVE_IN_THIS_JVM.put(aliveFile, alive);
      }
      if (!alive.holder.equals(holder)) {
        alive.channel.truncate(0);
        alive.channel.write(ByteBuffer.wrap(aliveLine(holder)), 0);
        alive.channel.force(false);
        alive.holder = holder;
      }
    } catch (IOException | RuntimeException e) {
      // Not signed: a crash of this holder is then told by the expiry.
    }
  }

  /** Gives up this JVM's lock on the {@code .alive} file if it speaks for this holder. */
  private void dropAlive() throws IOException {
    Alive alive = ALIVE_IN_THIS_JVM.get(aliveFile);
    if (alive != null && alive.holder.equals(holder)) {
      ALIVE_IN_THIS_JVM.remove(aliveFile);
      alive.lock.release();
      alive.channel.close();
    }
  }

  private static byte[] aliveLine(String holder) {
    return ("holder=" + holder + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] contentOf(FileChannel channel) throws IOException {
    ByteBuffer content = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(content, 0);
    return Arrays.copyOf(content.array(), content.position());
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

package dev.todo.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process that is started again whenever it ends without being asked to, after a pause that
 * doubles with every restart in a row (up to a maximum; back to the first once the child has run
 * that long). Its output (standard output and error together) is handed line by line to its {@link
 * Events}, which decide where it goes; nothing of it reaches this process's standard output
 * directly.
 */
final class SupervisedProcess {

  private static final Logger LOG = LoggerFactory.getLogger(SupervisedProcess.class);

  /** What the supervisor tells about the child; called on its own threads. */
  interface Events {
    void started();

    void line(String line);

    /** The child ended without being asked to; a restart is scheduled. */
    void ended();
  }

  private final String name;
  private final List<String> command;
  private final Duration firstPause;
  private final Duration longestPause;
  private final Events events;
  private final ScheduledExecutorService restarts;
  private final AtomicLong restartCount = new AtomicLong();
  private volatile Process process;
  private long startedAtNanos;
  private Duration nextPause;
  private boolean stopped;

  SupervisedProcess(
      String name,
      List<String> command,
      Duration firstPause,
      Duration longestPause,
      Events events) {
    this.name = name;
    this.command = List.copyOf(command);
    this.firstPause = firstPause;
    this.longestPause = longestPause;
    this.nextPause = firstPause;
    this.events = events;
    this.restarts =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(name + "-supervisor").daemon().factory());
  }

  /** Starts the child; a failure to start is retried like an end. */
  synchronized void start() {
    if (stopped || isRunning()) {
      return;
    }
    try {
      Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
      process = started;
      startedAtNanos = System.nanoTime();
      Thread.ofPlatform().name(name + "-output").daemon().start(() -> copyOutput(started));
      started.onExit().thenRun(() -> ended(started));
      LOG.info("Started {} (pid {})", name, started.pid());
      events.started();
    } catch (IOException e) {
      LOG.error("{} could not start: {}", name, e.getMessage());
      scheduleRestart();
    }
  }

  boolean isRunning() {
    Process child = process;
    return child != null && child.isAlive();
  }

  long restarts() {
    return restartCount.get();
  }

  /** SIGTERM, then waits up to {@code timeout} for the child to end; SIGKILL after. No restart. */
  void stop(Duration timeout) {
    Process child = halt();
    if (child == null) {
      return;
    }
    child.destroy();
    try {
      if (child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.info("{} stopped (exit {})", name, child.exitValue());
      } else {
        LOG.error("{} did not stop within {}; killing it", name, timeout);
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroyForcibly();
    }
  }

  /** SIGKILL at once; no restart. */
  void kill() {
    Process child = halt();
    if (child != null) {
      child.destroyForcibly();
      LOG.warn("{} killed (pid {})", name, child.pid());
    }
  }

  private synchronized Process halt() {
    stopped = true;
    restarts.shutdownNow();
    Process child = process;
    process = null;
    return child;
  }

  private void ended(Process child) {
    synchronized (this) {
      if (stopped || child != process) {
        return;
      }
      LOG.error("{} ended on its own (exit {})", name, child.exitValue());
      if (System.nanoTime() - startedAtNanos >= longestPause.toNanos()) {
        nextPause = firstPause;
      }
      scheduleRestart();
    }
    events.ended();
  }

  private synchronized void scheduleRestart() {
    if (stopped) {
      return;
    }
    Duration pause = nextPause;
    nextPause =
        nextPause.multipliedBy(2).compareTo(longestPause) > 0
            ? longestPause
            : nextPause.multipliedBy(2);
    LOG.info("Restarting {} in {}", name, pause);
    restarts.schedule(
        () -> {
          restartCount.incrementAndGet();
          start();
        },
        pause.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void copyOutput(Process child) {
    try (var lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        events.line(line);
      }
    } catch (IOException e) {
      // The child ended; its end is handled by onExit.
    }
  }
}

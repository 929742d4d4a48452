package dev.todo.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * Writes out the log events still queued in the asynchronous appender when the JVM exits. It waits
 * for Micronaut's own shutdown hook to close the application (its last lines: lease released,
 * replication stopped), then stops logging, which drains the queue; without it the JVM could halt
 * with those lines unwritten.
 */
@Context
@Requires(notEnv = Environment.TEST)
final class AsyncLogFlush {

  private static final Duration LONGEST_SHUTDOWN = Duration.ofSeconds(30);

  private final Thread hook;

  AsyncLogFlush(ApplicationContext application) {
    hook = Thread.ofPlatform().name("log-flush").unstarted(() -> flushAfterShutdown(application));
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Closed without the JVM exiting (an embedded context): nothing to wait for at exit. */
  @PreDestroy
  void forget() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // The JVM is exiting: the hook is already running and waits for this close to finish.
    }
  }

  private static void flushAfterShutdown(ApplicationContext application) {
    long deadline = System.nanoTime() + LONGEST_SHUTDOWN.toNanos();
    while (application.isRunning() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
      logging.stop();
    }
  }
}

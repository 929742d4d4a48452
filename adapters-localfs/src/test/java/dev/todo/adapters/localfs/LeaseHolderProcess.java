package dev.todo.adapters.localfs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Run as a separate JVM by the tests: takes the lease in {@code args[0]} as {@code args[1]} for
 * {@code args[2]}, prints {@code held} or {@code refused}, then lives until it is killed, or, with
 * a fourth argument {@code once}, ends at once.
 */
public final class LeaseHolderProcess {

  private LeaseHolderProcess() {}

  public static void main(String[] args) throws InterruptedException {
    var lease =
        new LocalFileWriterLease(
            Path.of(args[0]), args[1], Duration.parse(args[2]), Clock.systemUTC());
    System.out.println(lease.acquire() ? "held" : "refused");
    System.out.flush();
    if (args.length < 4 || !args[3].equals("once")) {
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}

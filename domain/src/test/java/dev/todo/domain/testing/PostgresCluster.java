package dev.todo.domain.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for the tests, made from the machine's own binaries (Debian's
 * {@code postgresql} package: {@code /usr/lib/postgresql/<version>/bin}), never a container or a
 * download: {@code initdb} into a temporary directory, {@code pg_ctl start} on a free loopback
 * port, {@code fsync} off. PostgreSQL refuses to run as root, so as root both run as the {@code
 * postgres} user ({@code runuser}). One cluster per test JVM, started on first use and stopped when
 * the JVM exits; each caller gets a database of its own ({@link #newDatabase}).
 */
public final class PostgresCluster {

  private static PostgresCluster shared;

  private final Path bin;
  private final Path data;
  private final int port;

  private PostgresCluster(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** Whether this machine has PostgreSQL's server binaries. */
  public static boolean available() {
    return binaries().isPresent();
  }

  /** The cluster of this JVM, started on first use. */
  public static synchronized PostgresCluster shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-cluster-stop"));
    }
    return shared;
  }

  /** A JDBC URL of a new, empty database in the cluster (user {@code postgres}, no password). */
  public String newDatabase() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    run(
        List.of(
            bin.resolve("psql").toString(),
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-q",
            "-c",
            "CREATE DATABASE " + name));
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=postgres";
  }

  private static PostgresCluster start() {
    Path bin =
        binaries()
            .orElseThrow(
                () -> new IllegalStateException("No PostgreSQL under /usr/lib/postgresql"));
    try {
      Path data = Files.createTempDirectory("todo-postgres-");
      int port = freePort();
      if (isRoot()) {
        run(List.of("chown", "postgres:postgres", data.toString()));
      }
      run(
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-A",
              "trust",
              "-U",
              "postgres",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"));
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-l",
              data.resolve("server.log").toString(),
              "-w",
              "-o",
              "-p "
                  + port
                  + " -k "
                  + data
                  + " -c listen_addresses=127.0.0.1 -c fsync=off"
                  + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
              "start"));
      return new PostgresCluster(bin, data, port);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start PostgreSQL", e);
    }
  }

  private void stop() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
    } catch (RuntimeException e) {
      // The JVM is exiting; the temporary directory goes with the machine.
    }
  }

  private static java.util.Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
          .max(Comparator.comparing(dir -> versionOf(dir.getParent())));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs the command (as the postgres user when this is root); fails unless it exits with 0. */
  private static void run(List<String> command) {
    var full = new ArrayList<String>();
    boolean asPostgres = isRoot() && !command.getFirst().equals("chown");
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Path log = Files.createTempFile("todo-postgres-cmd-", ".log");
      var process =
          new ProcessBuilder(full)
              .directory(Path.of("/tmp").toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Failed: " + String.join(" ", full) + "\n" + Files.readString(log));
      }
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + full, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + full, e);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

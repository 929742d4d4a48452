package dev.todo.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes a child process's log lines through the service's own logger, so that they reach Cloud
 * Logging in the service's format ({@code severity}, logger, thread) instead of the child's:
 * Litestream logs JSON with {@code level}, which Cloud Logging does not read. The line is kept
 * whole as the message; its level comes from the line itself, in Go's {@code log/slog} forms (JSON
 * {@code "level":"ERROR"} or text {@code level=ERROR}, possibly with an offset such as {@code
 * WARN+2}). A line without one (a panic, a usage message) is logged at WARN: Litestream writes
 * every log record with a level, so anything else is out of the ordinary.
 */
final class ChildLogRelay {

  private static final Pattern LEVEL =
      Pattern.compile("(?:\"level\"\\s*:\\s*\"|\\blevel=\"?)(DEBUG|INFO|WARN|ERROR)\\b");

  private final Logger log;

  ChildLogRelay(Logger log) {
    this.log = log;
  }

  /** Litestream's lines, under the logger name {@code litestream}. */
  static ChildLogRelay litestream() {
    return new ChildLogRelay(LoggerFactory.getLogger("litestream"));
  }

  /** Logs one line of the child's output at the level it names. */
  void relay(String line) {
    log.atLevel(levelOf(line)).log(line);
  }

  /** Relays every line of {@code output} until it ends (the child closed it or ended). */
  void relayAll(InputStream output) {
    try (var lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        relay(line);
      }
    } catch (IOException e) {
      // The child ended; whoever waits for it handles that.
    }
  }

  static Level levelOf(String line) {
    Matcher level = LEVEL.matcher(line);
    if (!level.find()) {
      return Level.WARN;
    }
    return switch (level.group(1)) {
      case "ERROR" -> Level.ERROR;
      case "WARN" -> Level.WARN;
      case "INFO" -> Level.INFO;
      default -> Level.DEBUG;
    };
  }
}

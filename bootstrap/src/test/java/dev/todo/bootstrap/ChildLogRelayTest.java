package dev.todo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ChildLogRelayTest {

  private static final String JSON_ERROR =
      "{\"time\":\"2026-01-15T10:30:00Z\",\"level\":\"ERROR\",\"msg\":\"sync error\",\"db\":\"/data/todo.db\"}";
  private static final String TEXT_INFO =
      "time=2026-01-15T10:30:00Z level=INFO msg=\"replicating\"";

  private final Logger litestream = (Logger) LoggerFactory.getLogger("litestream");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void attach() {
    events.start();
    litestream.addAppender(events);
  }

  @AfterEach
  void detach() {
    litestream.detachAppender(events);
  }

  @Test
  void theStandInsLinesAreLoggedByLoggerLitestreamAtTheLevelTheyName(@TempDir Path directory)
      throws Exception {
    StandInLitestream standIn =
        StandInLitestream.in(
            directory, "echo '%s'; echo '%s'".formatted(JSON_ERROR, TEXT_INFO), "");
    LitestreamReplication replication = standIn.replication();
    replication.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (lines().size() < 2) {
        assertThat(System.nanoTime())
            .as("the stand-in's two lines are logged")
            .isLessThan(deadline);
        Thread.sleep(10);
      }
    } finally {
      replication.stop();
    }
    List<ILoggingEvent> relayed = lines();
    assertThat(relayed.get(0).getLevel()).isEqualTo(Level.ERROR);
    assertThat(relayed.get(0).getLoggerName()).isEqualTo("litestream");
    assertThat(relayed.get(0).getFormattedMessage()).isEqualTo(JSON_ERROR);
    assertThat(relayed.get(1).getLevel()).isEqualTo(Level.INFO);
    assertThat(relayed.get(1).getFormattedMessage()).isEqualTo(TEXT_INFO);
  }

  @Test
  void levelsInJsonAndTextFormsAndLinesWithoutOne() {
    assertThat(ChildLogRelay.levelOf("{\"level\":\"WARN\",\"msg\":\"x\"}"))
        .isEqualTo(org.slf4j.event.Level.WARN);
    assertThat(ChildLogRelay.levelOf("{\"level\":\"DEBUG\",\"msg\":\"x\"}"))
        .isEqualTo(org.slf4j.event.Level.DEBUG);
    assertThat(ChildLogRelay.levelOf("time=… level=WARN+2 msg=x"))
        .isEqualTo(org.slf4j.event.Level.WARN);
    assertThat(ChildLogRelay.levelOf("time=… level=ERROR msg=\"level=INFO in a message\""))
        .isEqualTo(org.slf4j.event.Level.ERROR);
    assertThat(ChildLogRelay.levelOf("panic: runtime error: invalid memory address"))
        .isEqualTo(org.slf4j.event.Level.WARN);
  }

  /** What the relay logged; the supervisor's own lines (logger SupervisedProcess) are not here. */
  private List<ILoggingEvent> lines() {
    synchronized (events) {
      return List.copyOf(events.list);
    }
  }
}

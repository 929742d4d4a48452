package dev.todo.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProducedStreamTest {

  @Test
  void yieldsWhatTheProducerWroteInOrder() throws IOException {
    byte[] expected = new byte[ProducedStream.CHUNK * 3 + 17];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) (i * 31);
    }

    try (InputStream in =
        ProducedStream.start(
            "test",
            out -> {
              out.write(expected, 0, 5);
              out.write(expected[5]);
              out.write(expected, 6, expected.length - 6);
            })) {
      assertThat(in.readAllBytes()).isEqualTo(expected);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void aProducerThatFailsNeverLooksLikeACompleteBody() throws IOException {
    try (InputStream in =
        ProducedStream.start(
            "test",
            out -> {
              out.write(new byte[1000]);
              throw new IllegalStateException("store went away");
            })) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasRootCauseMessage("store went away");
    }
  }

  /** Writes 1 KiB after 1 KiB until a write fails; counts them, keeps the failure. */
  private static final class EndlessProducer implements ProducedStream.Producer {
    final AtomicLong written = new AtomicLong();
    final AtomicReference<Throwable> outcome = new AtomicReference<>();
    final CountDownLatch done = new CountDownLatch(1);

    @Override
    public void writeTo(java.io.OutputStream out) throws IOException {
      try {
        byte[] piece = new byte[1024];
        while (true) {
          out.write(piece);
          written.addAndGet(piece.length);
        }
      } catch (IOException e) {
        outcome.set(e);
        throw e;
      } finally {
        done.countDown();
      }
    }
  }

  @Test
  void aProducerWhoseReaderTakesNothingGivesUp() throws Exception {
    var producer = new EndlessProducer();
    InputStream in = ProducedStream.start("test", producer, java.time.Duration.ofMillis(500));

    assertThat(producer.done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(producer.outcome.get()).hasMessageContaining("read nothing");
    assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
  }

  @Test
  void theProducerIsHeldBackByASlowReaderAndStoppedByOneThatLeaves() throws Exception {
    var producer = new EndlessProducer();
    var written = producer.written;
    var outcome = producer.outcome;
    var done = producer.done;
    InputStream in = ProducedStream.start("test", producer);
    assertThat(in.read()).isNotNegative();
    Thread.sleep(300);
    long buffered = written.get();
    assertThat(buffered).isLessThanOrEqualTo((ProducedStream.CHUNKS + 2L) * ProducedStream.CHUNK);

    in.close();

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome.get()).isInstanceOf(IOException.class).hasMessageContaining("went away");
  }
}

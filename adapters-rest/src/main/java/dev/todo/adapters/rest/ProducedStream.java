package dev.todo.adapters.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A response body written by a blocking producer on a thread of its own, read by the server as an
 * {@link InputStream}: at most {@value #CHUNKS} chunks of {@value #CHUNK} bytes are in flight, so
 * the producer waits for a slow client instead of buffering. Nothing touches the disk.
 *
 * <p>Micronaut 4 writes a {@code Writable} into one buffer before sending it (micronaut-core#5124),
 * and the JDK's piped streams poll once a second; this is the small pipe between the two. A
 * producer's failure ends the body with an {@link IOException} (the server then cuts the
 * connection: the status has been sent); a reader that closes early makes the producer's next write
 * fail, which stops it (Micronaut closes the stream within milliseconds of the client's socket
 * closing); a reader that takes nothing for {@link #STALL}, a client that stalls with its
 * connection open, makes it give up too: a live client reads 64 KiB in far less.
 */
final class ProducedStream extends InputStream {

  /** What writes the body; it may throw, and need not close the stream. */
  @FunctionalInterface
  interface Producer {
    void writeTo(OutputStream out) throws IOException;
  }

  static final int CHUNK = 64 * 1024;
  static final int CHUNKS = 8;
  static final Duration STALL = Duration.ofSeconds(60);
  private static final byte[] END = new byte[0];
  private static final Logger LOG = LoggerFactory.getLogger(ProducedStream.class);

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
  private final Duration stall;
  private volatile boolean readerClosed;
  private volatile Throwable failure;
  private byte[] current = new byte[0];
  private int position;
  private boolean ended;

  private ProducedStream(Duration stall) {
    this.stall = stall;
  }

  /** Starts {@code producer} on a virtual thread named {@code name}, with the caller's MDC. */
  static InputStream start(String name, Producer producer) {
    return start(name, producer, STALL);
  }

  /** The same, giving up after {@code stall} without a read. */
  static InputStream start(String name, Producer producer, Duration stall) {
    var stream = new ProducedStream(stall);
    Map<String, String> context = MDC.getCopyOfContextMap();
    Thread.ofVirtual().name(name).start(() -> stream.run(producer, context));
    return stream;
  }

  private void run(Producer producer, Map<String, String> context) {
    if (context != null) {
      MDC.setContextMap(context);
    }
    var out = new ChunkedOutput();
    try {
      producer.writeTo(out);
      out.close();
    } catch (Throwable e) {
      failure = e;
      if (readerClosed) {
        LOG.info("Response body abandoned by the client: {}", e.toString());
      } else {
        LOG.error("Response body failed after its status was sent", e);
      }
      chunks.clear();
      chunks.offer(END);
    } finally {
      MDC.clear();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (position == current.length) {
      if (ended) {
        return -1;
      }
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for the body");
      }
      position = 0;
      if (current == END) {
        ended = true;
        if (failure != null) {
          throw new IOException("The response body could not be completed", failure);
        }
      }
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public void close() {
    readerClosed = true;
    chunks.clear();
  }

  /** The producer's side: fills a chunk, hands it over when full, waits while the queue is. */
  private final class ChunkedOutput extends OutputStream {

    private byte[] chunk = new byte[CHUNK];
    private int filled;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        int n = Math.min(length, CHUNK - filled);
        System.arraycopy(bytes, offset, chunk, filled, n);
        filled += n;
        offset += n;
        length -= n;
        if (filled == CHUNK) {
          handOver(chunk);
          chunk = new byte[CHUNK];
          filled = 0;
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (filled > 0) {
        handOver(Arrays.copyOf(chunk, filled));
        filled = 0;
      }
      handOver(END);
    }

    private void handOver(byte[] piece) throws IOException {
      long giveUp = System.nanoTime() + stall.toNanos();
      try {
        while (!chunks.offer(piece, 100, TimeUnit.MILLISECONDS)) {
          if (readerClosed) {
            throw new IOException("The client went away");
          }
          if (System.nanoTime() - giveUp > 0) {
            readerClosed = true;
            throw new IOException("The client read nothing for " + stall);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while handing over the body");
      }
      if (readerClosed) {
        throw new IOException("The client went away");
      }
    }
  }
}

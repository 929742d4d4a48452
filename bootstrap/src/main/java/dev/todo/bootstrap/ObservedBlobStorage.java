package dev.todo.bootstrap;

import dev.todo.domain.port.out.BlobStorage;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * The attachment store as the service sees it from outside: a span per call, and the bytes stored
 * ({@code direction=in}) and read ({@code direction=out}) counted.
 */
final class ObservedBlobStorage implements BlobStorage {

  private final BlobStorage storage;
  private final Tracer tracer;
  private final Counter in;
  private final Counter out;

  ObservedBlobStorage(BlobStorage storage, Tracer tracer, Counter in, Counter out) {
    this.storage = storage;
    this.tracer = tracer;
    this.in = in;
    this.out = out;
  }

  @Override
  public long write(String name, InputStream content) {
    long stored = span("storage write", () -> storage.write(name, content));
    in.increment(stored);
    return stored;
  }

  @Override
  public BlobContent read(String name, long offset, long length) {
    var content = span("storage read", () -> storage.read(name, offset, length));
    return new BlobContent(content.length(), content.size(), new Counting(content.stream(), out));
  }

  @Override
  public boolean delete(String name) {
    return span("storage delete", () -> storage.delete(name));
  }

  @Override
  public List<StoredObject> list(String prefix) {
    return span("storage list", () -> storage.list(prefix));
  }

  @Override
  public int removeAbandonedWrites(Duration idle) {
    return storage.removeAbandonedWrites(idle);
  }

  private <T> T span(String name, java.util.function.Supplier<T> work) {
    return Spans.inSpan(tracer, name, SpanKind.CLIENT, work);
  }

  private static final class Counting extends FilterInputStream {

    private final Counter bytes;

    Counting(InputStream stream, Counter bytes) {
      super(stream);
      this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytes.increment();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        bytes.increment(n);
      }
      return n;
    }
  }
}

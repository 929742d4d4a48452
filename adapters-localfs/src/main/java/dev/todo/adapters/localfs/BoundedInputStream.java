package dev.todo.adapters.localfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Yields at most {@code remaining} bytes of the channel from its position, then closes it. */
final class BoundedInputStream extends InputStream {
  private final FileChannel channel;
  private long remaining;

  BoundedInputStream(FileChannel channel, long remaining) {
    this.channel = channel;
    this.remaining = remaining;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, remaining)));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.error.PayloadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Counts and hashes (SHA-256) the bytes as they pass, and fails with {@link
 * PayloadTooLargeException} as soon as more than {@code limit} have come: the upload stops there,
 * without reading the rest.
 */
final class MeasuringInputStream extends FilterInputStream {

  private final long limit;
  private final MessageDigest digest;
  private long count;

  MeasuringInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b != -1) {
      counted(1);
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
      digest.update(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("every byte is hashed");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(int n) {
    count += n;
    if (count > limit) {
      throw new PayloadTooLargeException(limit);
    }
  }

  long count() {
    return count;
  }

  String sha256() {
    return Attachment.hex(digest.digest());
  }
}

package dev.todo.application;

import dev.todo.domain.port.out.BlobStorage;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/** A store that forwards every call, for tests that watch or change one of them. */
class ForwardingBlobStorage implements BlobStorage {

  private final BlobStorage delegate;

  ForwardingBlobStorage(BlobStorage delegate) {
    this.delegate = delegate;
  }

  @Override
  public long write(String name, InputStream content) {
    return delegate.write(name, content);
  }

  @Override
  public BlobContent read(String name, long offset, long length) {
    return delegate.read(name, offset, length);
  }

  @Override
  public boolean delete(String name) {
    return delegate.delete(name);
  }

  @Override
  public List<StoredObject> list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public int removeAbandonedWrites(Duration idle) {
    return delegate.removeAbandonedWrites(idle);
  }
}

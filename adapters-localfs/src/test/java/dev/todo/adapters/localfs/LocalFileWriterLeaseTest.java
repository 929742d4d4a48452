package dev.todo.adapters.localfs;

import dev.todo.domain.port.out.WriterLease;
import dev.todo.domain.testing.WriterLeaseContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalFileWriterLeaseTest extends WriterLeaseContract {

  @TempDir Path temp;
  private Path leaseFile;
  private int stores;

  @Override
  protected void newStore() {
    leaseFile = temp.resolve("store-" + stores++).resolve("todo.db.lease");
  }

  @Override
  protected WriterLease lease(String holder) {
    return new LocalFileWriterLease(leaseFile, holder, TTL, clock());
  }

  @Override
  protected WriterLease unreachableLease(String holder) {
    try {
      // A regular file where the directory should be: nothing can be created beneath it.
      Path blocked = Files.writeString(temp.resolve("not-a-directory"), "x");
      return new LocalFileWriterLease(blocked.resolve("todo.db.lease"), holder, TTL, clock());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void plantRawRecord(byte[] stored) {
    try {
      Files.createDirectories(leaseFile.getParent());
      Files.write(leaseFile, stored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.todo.adapters.gcs;

import com.google.cloud.BaseServiceException;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.StorageException;
import dev.todo.domain.error.BlobNotFoundException;
import dev.todo.domain.error.StorageUnavailableException;
import dev.todo.domain.port.out.BlobStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Objects in one Google Cloud Storage bucket. Uploads go through a resumable-upload channel that
 * sends a chunk at a time and finalises the object only when the whole stream has been read, so a
 * failed upload never creates the object; downloads read a chunk at a time from a pinned
 * generation. Every SDK exception becomes a domain exception before it leaves this class.
 */
public final class GcsBlobStorage implements BlobStorage {

  /** Bytes sent per upload request: the memory one upload holds (a multiple of 256 KiB). */
  static final int UPLOAD_CHUNK_SIZE = 2 * 1024 * 1024;

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int HTTP_PRECONDITION_FAILED = 412;

  private final Storage storage;
  private final String bucket;

  public GcsBlobStorage(Storage storage, String bucket) {
    this.storage = storage;
    this.bucket = bucket;
  }

  @Override
  public long write(String name, InputStream content) {
    var info = BlobInfo.newBuilder(blobId(name)).build();
    try {
      return upload(info, content);
    } catch (ObjectExistsException e) {
      throw e;
    } catch (RuntimeException e) {
      removeLeftover(info.getBlobId());
      throw e;
    }
  }

  /**
   * On a failure the channel is left unclosed: closing it would finalise a partial object. GCS
   * creates nothing before the last chunk; {@code LocalStorageHelper} and a finalisation whose
   * answer was lost may, hence {@link #removeLeftover}.
   */
  private long upload(BlobInfo info, InputStream content) {
    String name = info.getName();
    WriteChannel writer;
    try {
      writer = storage.writer(info, BlobWriteOption.doesNotExist());
      writer.setChunkSize(UPLOAD_CHUNK_SIZE);
    } catch (StorageException e) {
      throw translateWriteFailure(name, e);
    }
    byte[] buffer = new byte[BUFFER_SIZE];
    long size = 0;
    while (true) {
      int n;
      try {
        n = content.read(buffer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (n == -1) {
        break;
      }
      send(writer, ByteBuffer.wrap(buffer, 0, n), name);
      size += n;
    }
    try {
      writer.close();
    } catch (StorageException e) {
      throw translateWriteFailure(name, e);
    } catch (IOException e) {
      throw unavailable("cannot finish the upload of " + name, e);
    }
    return size;
  }

  /** Deletes what a failed upload may have left, unless it failed because an object was there. */
  private void removeLeftover(BlobId id) {
    if (Thread.currentThread().isInterrupted()) {
      return;
    }
    try {
      storage.delete(id);
    } catch (BaseServiceException ignored) {
      // The reconcile routine removes objects without metadata.
    }
  }

  private static RuntimeException translateWriteFailure(String name, StorageException e) {
    // GCS answers 412 to the doesNotExist precondition; LocalStorageHelper reports the same
    // refusal as a StorageException around a FileAlreadyExistsException.
    if (e.getCode() == HTTP_PRECONDITION_FAILED
        || e.getCause() instanceof FileAlreadyExistsException) {
      return new ObjectExistsException(name, e);
    }
    return unavailable("cannot upload " + name, e);
  }

  private static void send(WriteChannel writer, ByteBuffer bytes, String name) {
    try {
      while (bytes.hasRemaining()) {
        writer.write(bytes);
      }
    } catch (StorageException e) {
      throw translateWriteFailure(name, e);
    } catch (IOException e) {
      throw unavailable("cannot upload " + name, e);
    }
  }

  @Override
  public BlobContent read(String name, long offset, long length) {
    BlobStorage.requireValidRange(offset, length);
    Blob blob;
    try {
      blob = storage.get(blobId(name));
    } catch (BaseServiceException e) {
      throw unavailable("cannot read " + name, e);
    }
    if (blob == null) {
      throw new BlobNotFoundException(name);
    }
    long size = blob.getSize();
    long from = Math.min(offset, size);
    long count = Math.min(length, size - from);
    if (count == 0) {
      return new BlobContent(0, size, InputStream.nullInputStream());
    }
    try {
      ReadChannel reader =
          storage.reader(blob.getBlobId(), BlobSourceOption.generationMatch(blob.getGeneration()));
      reader.seek(from);
      reader.limit(from + count);
      return new BlobContent(
          count, size, new TranslatingInputStream(Channels.newInputStream(reader)));
    } catch (IOException | BaseServiceException e) {
      throw unavailable("cannot read " + name, e);
    }
  }

  @Override
  public boolean delete(String name) {
    try {
      return storage.delete(blobId(name));
    } catch (BaseServiceException e) {
      throw unavailable("cannot delete " + name, e);
    }
  }

  @Override
  public List<StoredObject> list(String prefix) {
    var names = new ArrayList<StoredObject>();
    try {
      for (Blob blob : storage.list(bucket, BlobListOption.prefix(prefix)).iterateAll()) {
        names.add(new StoredObject(blob.getName(), createdAt(blob)));
      }
    } catch (BaseServiceException e) {
      throw unavailable("cannot list " + prefix, e);
    }
    names.sort(Comparator.comparing(StoredObject::name));
    return names;
  }

  /** GCS stamps every object; a fake that does not counts as "just now" (never removed early). */
  private static Instant createdAt(Blob blob) {
    OffsetDateTime created = blob.getCreateTimeOffsetDateTime();
    return created == null ? Instant.now() : created.toInstant();
  }

  private BlobId blobId(String name) {
    return BlobId.of(bucket, BlobStorage.requireValidName(name));
  }

  private static StorageUnavailableException unavailable(String message, Exception cause) {
    return new StorageUnavailableException(message + ": " + cause.getMessage(), cause);
  }

  /** The upload's precondition found an object under the name: it must be left alone. */
  private static final class ObjectExistsException extends IllegalStateException {
    ObjectExistsException(String name, StorageException cause) {
      super("an object already exists under " + name, cause);
    }
  }

  /** Reports the SDK's unchecked failures while streaming as {@link IOException}s. */
  private static final class TranslatingInputStream extends InputStream {
    private final InputStream in;

    TranslatingInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (BaseServiceException e) {
        throw new IOException("object store failed while streaming", e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return in.read(buffer, offset, length);
      } catch (BaseServiceException e) {
        throw new IOException("object store failed while streaming", e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}

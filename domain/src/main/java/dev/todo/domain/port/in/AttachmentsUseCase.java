package dev.todo.domain.port.in;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.todo.TodoId;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files of a to-do: upload (streamed to the object store), list, metadata, download (streamed,
 * optionally one byte range) and delete. Ids arrive as the caller wrote them: a malformed one finds
 * nothing. Checks come in the contract's order: to-do existence and ownership (404), role (403),
 * the attachment (404), then the body (400, 413).
 */
public interface AttachmentsUseCase {

  Attachment upload(UploadCommand command);

  List<Attachment> list(Caller caller, TodoId todoId);

  Attachment get(Caller caller, TodoId todoId, String attachmentId);

  /** Opens the bytes, all of them or one range; the caller closes the download. */
  Download download(Caller caller, TodoId todoId, String attachmentId, Optional<ByteRange> range);

  void delete(Caller caller, TodoId todoId, String attachmentId);

  /** A file as the client sends it; {@code content} is read once, as it arrives. */
  record IncomingFile(String filename, Optional<String> contentType, InputStream content) {
    public IncomingFile {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
    }
  }

  /**
   * {@code file} is read after the to-do, role and count checks; it yields empty when the request
   * carries no file.
   */
  record UploadCommand(Caller caller, TodoId todoId, InputSource<Optional<IncomingFile>> file) {
    public UploadCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(todoId, "todoId");
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * A byte range as HTTP writes it: {@code first} to {@code last} inclusive, an open end ({@code
   * last} empty), or the final {@code suffixLength} bytes ({@code first} empty).
   */
  record ByteRange(Optional<Long> first, Optional<Long> last) {
    public ByteRange {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
      if (first.isEmpty() && last.isEmpty()) {
        throw new IllegalArgumentException("A range needs a start or a suffix length");
      }
    }
  }

  /**
   * The bytes of {@code attachment} from {@code offset}, {@code length} of them, as a stream the
   * receiver closes; {@code partial} when a range was asked for and satisfiable.
   */
  record Download(
      Attachment attachment, long offset, long length, boolean partial, InputStream content)
      implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      content.close();
    }
  }
}

package dev.todo.adapters.rest;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentLimits;
import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.PayloadTooLargeException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.in.AttachmentsUseCase.Download;
import dev.todo.domain.port.in.AttachmentsUseCase.IncomingFile;
import dev.todo.domain.port.in.AttachmentsUseCase.UploadCommand;
import dev.todo.domain.todo.TodoId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * The files of a to-do. The upload is the raw body, read as it arrives by {@link MultipartForm}
 * (nothing on disk, one buffer in memory) and handed to the use case unread, so that it answers 404
 * and 403 before touching the body; the download streams from the store, one range of it when
 * asked.
 */
@Controller("/api/v1/todos/{id}/attachments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "attachments")
@SecurityRequirement(name = ApiDefinition.BEARER)
@ApiDocs.AttachmentErrors
class AttachmentController {

  private static final String BASE = "/api/v1/todos/";
  private static final String FILE_PART = "file";

  private final AttachmentsUseCase attachments;
  private final long maxBytes;

  AttachmentController(AttachmentsUseCase attachments, AttachmentLimits limits) {
    this.attachments = attachments;
    this.maxBytes = limits.maxBytes();
  }

  /** On a virtual thread: it waits for the client's bytes, so it must not hold a request thread. */
  @Post
  @ExecuteOn(TaskExecutors.VIRTUAL)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Upload a file (multipart/form-data, part \"file\")")
  @ApiResponse(responseCode = "201", description = "created; Location set")
  @ApiDocs.UploadErrors
  HttpResponse<AttachmentResponse> upload(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      HttpRequest<?> request) {
    TodoId todoId = PathIds.todoId(id);
    String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    Attachment attachment;
    // closed when done: what was not read (a refused upload, an epilogue) is discarded
    try (InputStream body = body(request)) {
      attachment =
          attachments.upload(
              new UploadCommand(identity.caller(), todoId, () -> file(contentType, body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.created(
        AttachmentResponse.of(attachment),
        URI.create(BASE + todoId + "/attachments/" + attachment.id()));
  }

  /**
   * The raw body, claimed now as Micronaut's own {@code @Body InputStream} binder would, so that it
   * streams (that binder hands over no body at all when the announced length is over the server's
   * limit; this stream fails its first read instead, which {@link ServerLimitAware} makes a 413).
   */
  private InputStream body(HttpRequest<?> request) {
    if (!(request instanceof ServerHttpRequest<?> server)) {
      throw new IllegalStateException("Not a server request: " + request.getClass());
    }
    return new ServerLimitAware(server.byteBody().toInputStream(), maxBytes);
  }

  /**
   * Reads the body up to the beginning of the part named {@value #FILE_PART}; empty when it has
   * none. Its content is read later, by the use case, as it arrives.
   */
  private static Optional<IncomingFile> file(@Nullable String contentType, InputStream body) {
    Optional<MultipartForm.FilePart> part;
    try {
      part = MultipartForm.of(contentType, body).part(FILE_PART);
    } catch (IOException e) {
      throw new MalformedInputException("The upload could not be read");
    }
    return part.map(
        file ->
            new IncomingFile(
                file.part()
                    .filename()
                    .orElseThrow(
                        () ->
                            ValidationException.of(
                                FILE_PART, "must be a file (a part with a filename)")),
                file.part().contentType(),
                file.content()));
  }

  @Get
  @Operation(summary = "List a to-do's files, oldest first")
  AttachmentResponse.ListResponse list(
      @Parameter(hidden = true) Identity identity, @PathVariable String id) {
    return new AttachmentResponse.ListResponse(
        attachments.list(identity.caller(), PathIds.todoId(id)).stream()
            .map(AttachmentResponse::of)
            .toList());
  }

  @Get("/{attachmentId}")
  @Operation(summary = "A file's metadata")
  AttachmentResponse get(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      @PathVariable String attachmentId) {
    return AttachmentResponse.of(
        attachments.get(identity.caller(), PathIds.todoId(id), attachmentId));
  }

  @Get(value = "/{attachmentId}/content", produces = MediaType.ALL)
  @Operation(summary = "A file's bytes, streamed; one byte range (206) with a Range header")
  @ApiResponse(responseCode = "200", description = "the whole file")
  @ApiResponse(responseCode = "206", description = "the requested range; Content-Range set")
  HttpResponse<StreamedFile> content(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      @PathVariable String attachmentId,
      @Nullable @Header(HttpHeaders.RANGE) String range) {
    Download download =
        attachments.download(
            identity.caller(), PathIds.todoId(id), attachmentId, RangeHeader.parse(range));
    Attachment a = download.attachment();
    var type = MediaType.of(a.contentType());
    var body =
        new StreamedFile(download.content(), type, a.createdAt().toEpochMilli(), download.length());
    var response =
        HttpResponse.<StreamedFile>status(
                download.partial() ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
            .body(body)
            .contentType(type)
            .contentLength(download.length())
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(a.filename()))
            .header(HttpHeaders.ACCEPT_RANGES, "bytes")
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
            .header("X-Content-Type-Options", "nosniff");
    if (download.partial()) {
      long last = download.offset() + download.length() - 1;
      response.header(
          HttpHeaders.CONTENT_RANGE,
          "bytes " + download.offset() + "-" + last + "/" + a.sizeBytes());
    }
    return response;
  }

  @Delete("/{attachmentId}")
  @Operation(summary = "Delete a file: its metadata, then its bytes")
  @ApiResponse(responseCode = "204", description = "deleted")
  HttpResponse<Void> delete(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      @PathVariable String attachmentId) {
    attachments.delete(identity.caller(), PathIds.todoId(id), attachmentId);
    return HttpResponse.noContent();
  }

  /**
   * Turns the server's own request-size limit, hit while the body is streamed, into the same 413 as
   * the use case's limit (Micronaut would report it as a broken stream).
   */
  private static final class ServerLimitAware extends FilterInputStream {
    private final long limit;

    ServerLimitAware(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw tooLargeOr(e);
      } catch (RuntimeException e) {
        throw tooLargeOr(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw tooLargeOr(e);
      } catch (RuntimeException e) {
        throw tooLargeOr(e);
      }
    }

    private <E extends Exception> E tooLargeOr(E e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ContentLengthExceededException) {
          throw new PayloadTooLargeException(limit);
        }
      }
      return e;
    }
  }
}

package dev.todo.adapters.rest;

import dev.todo.domain.attachment.AttachmentLimits;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Keeps the server's own request limit above the attachment limit, so that the use case, which
 * counts the file's bytes exactly, decides 413 (exactly the limit passes, one byte more does not):
 * the request may be the file plus {@value #MULTIPART_ROOM} bytes of multipart framing. Micronaut's
 * multipart settings play no part: the upload route reads the raw body itself ({@link
 * MultipartForm}).
 */
@Singleton
final class UploadLimits implements BeanCreatedEventListener<HttpServerConfiguration> {

  static final long MULTIPART_ROOM = 64 * 1024;

  private final long maxBytes;

  UploadLimits(AttachmentLimits limits) {
    this.maxBytes = limits.maxBytes();
  }

  @Override
  public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
    var server = event.getBean();
    long needed = maxBytes + MULTIPART_ROOM;
    if (server.getMaxRequestSize() < needed) {
      server.setMaxRequestSize(needed);
    }
    return server;
  }
}

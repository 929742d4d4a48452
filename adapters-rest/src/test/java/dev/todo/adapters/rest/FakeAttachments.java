package dev.todo.adapters.rest;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentId;
import dev.todo.domain.attachment.ContentTypes;
import dev.todo.domain.attachment.FileNames;
import dev.todo.domain.error.AttachmentNotFoundException;
import dev.todo.domain.error.PayloadTooLargeException;
import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.in.ReconcileAttachmentsUseCase;
import dev.todo.domain.todo.TodoId;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the attachment use cases: to-dos by owner, files in a map, the contract's order of
 * checks and its limits ({@value #MAX_BYTES} bytes, {@value #MAX_PER_TODO} per to-do), so that REST
 * tests see what the adapter hands over and how it renders each answer.
 */
final class FakeAttachments implements AttachmentsUseCase, ReconcileAttachmentsUseCase {

  static final int MAX_BYTES = 1_000;
  static final int MAX_PER_TODO = 2;

  private final Map<TodoId, String> owners = new ConcurrentHashMap<>();
  private final Map<AttachmentId, Attachment> attachments = new ConcurrentHashMap<>();
  private final Map<AttachmentId, byte[]> bytes = new ConcurrentHashMap<>();
  volatile boolean storeDown;
  volatile IncomingFile lastFile;
  volatile Optional<Duration> lastGrace;

  void reset() {
    owners.clear();
    attachments.clear();
    bytes.clear();
    storeDown = false;
    lastFile = null;
    lastGrace = null;
  }

  TodoId todoOf(String owner) {
    var id = TodoId.random();
    owners.put(id, owner);
    return id;
  }

  @Override
  public Attachment upload(UploadCommand command) {
    accessible(command.caller(), command.todoId());
    command.caller().requireWriteAccess();
    if (list(command.caller(), command.todoId()).size() >= MAX_PER_TODO) {
      throw ValidationException.of("file", "a to-do has at most " + MAX_PER_TODO + " attachments");
    }
    IncomingFile file =
        command.file().read().orElseThrow(() -> ValidationException.of("file", "is required"));
    lastFile = file;
    byte[] content = readUpTo(file, MAX_BYTES);
    if (storeDown) {
      throw new ServiceUnavailableException("store down", Duration.ofSeconds(5), null);
    }
    var attachment =
        new Attachment(
            AttachmentId.random(),
            command.todoId(),
            FileNames.display(file.filename()),
            file.contentType().map(ContentTypes::of).orElse(ContentTypes.DEFAULT),
            content.length,
            sha256(content),
            Instant.parse("2026-01-15T10:30:00Z"));
    attachments.put(attachment.id(), attachment);
    bytes.put(attachment.id(), content);
    return attachment;
  }

  private static byte[] readUpTo(IncomingFile file, int limit) {
    try {
      byte[] content = file.content().readNBytes(limit + 1);
      if (content.length > limit) {
        throw new PayloadTooLargeException(limit);
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Attachment> list(Caller caller, TodoId todoId) {
    accessible(caller, todoId);
    return attachments.values().stream()
        .filter(a -> a.todoId().equals(todoId))
        .sorted(java.util.Comparator.comparing(a -> a.id().toString()))
        .toList();
  }

  @Override
  public Attachment get(Caller caller, TodoId todoId, String attachmentId) {
    accessible(caller, todoId);
    return AttachmentId.parse(attachmentId)
        .map(attachments::get)
        .filter(a -> a.todoId().equals(todoId))
        .orElseThrow(AttachmentNotFoundException::new);
  }

  @Override
  public Download download(
      Caller caller, TodoId todoId, String attachmentId, Optional<ByteRange> range) {
    var attachment = get(caller, todoId, attachmentId);
    byte[] content = bytes.get(attachment.id());
    if (range.isPresent() && range.get().first().isPresent() && content.length > 0) {
      long first = range.get().first().get();
      long last = Math.min(range.get().last().orElse(content.length - 1L), content.length - 1L);
      if (first <= last) {
        int length = (int) (last - first + 1);
        return new Download(
            attachment,
            first,
            length,
            true,
            new ByteArrayInputStream(content, (int) first, length));
      }
    }
    return new Download(attachment, 0, content.length, false, new ByteArrayInputStream(content));
  }

  @Override
  public void delete(Caller caller, TodoId todoId, String attachmentId) {
    var attachment = get(caller, todoId, attachmentId);
    caller.requireWriteAccess();
    attachments.remove(attachment.id());
    bytes.remove(attachment.id());
  }

  @Override
  public Report reconcile(Caller caller, Optional<Duration> grace) {
    if (!caller.isAdmin()) {
      throw new dev.todo.domain.error.ForbiddenException("admins only");
    }
    lastGrace = grace;
    return new Report(3, List.of("todos/x/y"));
  }

  @Override
  public Report reconcileAtStartup() {
    return new Report(0, new ArrayList<>());
  }

  private void accessible(Caller caller, TodoId todoId) {
    String owner = owners.get(todoId);
    if (owner == null || !caller.canAccess(owner)) {
      throw new TodoNotFoundException();
    }
  }

  @Factory
  static class Beans {
    @Singleton
    FakeAttachments attachments() {
      return new FakeAttachments();
    }
  }
}

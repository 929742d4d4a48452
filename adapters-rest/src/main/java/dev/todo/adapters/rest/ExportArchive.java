package dev.todo.adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.todo.domain.port.in.ExportAccountUseCase.AccountExport;
import dev.todo.domain.port.in.ExportAccountUseCase.ExportedFile;
import dev.todo.domain.port.in.ExportAccountUseCase.ExportedList;
import dev.todo.domain.port.in.ExportAccountUseCase.ExportedTodo;
import dev.todo.domain.todo.Todo;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export as a zip, front to back, into any stream: {@code export.json} (schema: {@code
 * docs/export.schema.json}) with a streaming JSON generator, one to-do at a time, then each file's
 * bytes as {@code attachments/<todo id>/<attachment id>/<filename>}. Each object is the API's own
 * response record (so the export shows exactly what the routes show), written through Micronaut's
 * mapper and copied field by field into the document.
 */
@Singleton
final class ExportArchive {

  static final String DOCUMENT = "export.json";
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonMapper mapper;

  ExportArchive(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** {@code todo-export-<UTC date>.zip}. */
  static String fileName(Instant exportedAt) {
    return "todo-export-" + LocalDate.ofInstant(exportedAt, ZoneOffset.UTC) + ".zip";
  }

  /** Where a file goes in the zip; a name of dots or with a backslash is made harmless. */
  static String entryName(ExportedFile file) {
    var a = file.attachment();
    String name = a.filename().replace('\\', '_');
    if (name.equals(".") || name.equals("..")) {
      name = "_";
    }
    return "attachments/" + a.todoId() + "/" + a.id() + "/" + name;
  }

  void write(AccountExport export, OutputStream out) throws IOException {
    var zip = new ZipOutputStream(out);
    zip.putNextEntry(new ZipEntry(DOCUMENT));
    try (JsonGenerator json = FACTORY.createGenerator(new KeepOpen(zip))) {
      writeDocument(export, json);
    }
    zip.closeEntry();
    for (ExportedFile file : export.files()) {
      zip.putNextEntry(new ZipEntry(entryName(file)));
      try (InputStream content = file.content().get()) {
        content.transferTo(zip);
      }
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  private void writeDocument(AccountExport export, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("exported_at", Timestamps.format(export.exportedAt()));
    json.writeFieldName("user");
    writeValue(json, UserResponse.of(export.user()));
    json.writeArrayFieldStart("lists");
    for (ExportedList list : export.lists()) {
      writeList(json, list);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("memberships");
    for (var list : export.memberships()) {
      json.writeStartObject();
      json.writeStringField("id", list.id().toString());
      json.writeStringField("name", list.name().value());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void writeList(JsonGenerator json, ExportedList list) throws IOException {
    json.writeStartObject();
    writeFields(json, ListResponse.of(list.list()));
    json.writeFieldName("members");
    writeValue(json, list.members().stream().map(MemberController.MemberResponse::of).toList());
    json.writeArrayFieldStart("todos");
    for (ExportedTodo todo : list.todos()) {
      json.writeStartObject();
      writeFields(json, todoResponse(todo));
      json.writeFieldName("steps");
      writeValue(json, todo.steps().stream().map(StepResponse::of).toList());
      json.writeFieldName("attachments");
      writeValue(json, todo.attachments().stream().map(AttachmentResponse::of).toList());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
  }

  private static TodoResponse todoResponse(ExportedTodo exported) {
    Todo todo = exported.todo();
    return TodoResponse.of(
        todo,
        exported.deletedAt().map(Timestamps::format).orElse(null),
        exported.deletedBy().orElse(null));
  }

  private void writeValue(JsonGenerator json, Object value) throws IOException {
    try (JsonParser parser = FACTORY.createParser(mapper.writeValueAsBytes(value))) {
      parser.nextToken();
      json.copyCurrentStructure(parser);
    }
  }

  /** The fields of {@code value}'s JSON object, into the object {@code json} has open. */
  private void writeFields(JsonGenerator json, Object value) throws IOException {
    try (JsonParser parser = FACTORY.createParser(mapper.writeValueAsBytes(value))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("Not an object: " + value.getClass());
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        json.writeFieldName(parser.currentName());
        parser.nextToken();
        json.copyCurrentStructure(parser);
      }
    }
  }

  /** The generator closes what it writes to; the zip must stay open for the next entry. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

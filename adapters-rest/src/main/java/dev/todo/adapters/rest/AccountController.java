package dev.todo.adapters.rest;

import dev.todo.domain.port.in.EraseAccountUseCase;
import dev.todo.domain.port.in.ExportAccountUseCase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's own account as a whole: take everything away as a zip, or erase it. The export's
 * first read (user, lists) runs here, so its failures are ordinary error responses; the rest is
 * read and written by a producer thread while the client downloads ({@link ProducedStream}).
 */
@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "identity")
@ApiDocs.BearerToken
class AccountController {

  static final String ZIP = "application/zip";

  private final ExportAccountUseCase exports;
  private final EraseAccountUseCase erasure;
  private final ExportArchive archive;

  AccountController(
      ExportAccountUseCase exports, EraseAccountUseCase erasure, ExportArchive archive) {
    this.exports = exports;
    this.erasure = erasure;
    this.archive = archive;
  }

  @Get(value = "/export", produces = ZIP)
  @Operation(
      summary = "Everything the caller owns as a zip, streamed",
      description =
          "export.json (schema: docs/export.schema.json) and each attachment's bytes under"
              + " attachments/<todo id>/<attachment id>/<filename>")
  @ApiResponse(
      responseCode = "200",
      description = "the zip; Content-Disposition names todo-export-<UTC date>.zip",
      content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary")))
  HttpResponse<StreamedFile> export(@Parameter(hidden = true) Identity identity) {
    var export = exports.export(identity.caller());
    var body = ProducedStream.start("account-export", out -> archive.write(export, out));
    return HttpResponse.ok(new StreamedFile(body, MediaType.of(ZIP)))
        .contentType(ZIP)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + ExportArchive.fileName(export.exportedAt()) + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
  }

  @Delete
  @Operation(
      summary = "Erase the caller's account for good",
      description =
          "The lists they own with everything in them, their memberships and user record; their"
              + " to-dos in others' lists stay without their name, audit events by nobody",
      parameters =
          @Parameter(
              name = "confirm",
              in = ParameterIn.QUERY,
              required = true,
              description = "the caller's own user id (sub)",
              schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "204", description = "erased")
  @ApiResponse(
      responseCode = "400",
      description = "VALIDATION_ERROR: confirm is missing or not the caller's own id",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  HttpResponse<Void> erase(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    erasure.erase(identity.caller(), QueryParameters.of(request).value("confirm"));
    return HttpResponse.noContent();
  }
}

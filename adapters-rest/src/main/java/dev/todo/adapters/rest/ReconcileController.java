package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.port.in.ReconcileAttachmentsUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Optional;

/** Admin: remove objects of the file store that no attachment's metadata names. */
@Controller("/api/v1/admin/attachments/reconcile")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@SecurityRequirement(name = ApiDefinition.BEARER)
class ReconcileController {

  private final ReconcileAttachmentsUseCase reconcile;

  ReconcileController(ReconcileAttachmentsUseCase reconcile) {
    this.reconcile = reconcile;
  }

  @Post
  @Operation(
      summary = "Remove objects without metadata (admin role only)",
      parameters =
          @Parameter(
              name = "grace_seconds",
              in = ParameterIn.QUERY,
              description =
                  "keep objects younger than this (default TODO_ATTACHMENTS_RECONCILE_GRACE_SECONDS)",
              schema = @Schema(type = "integer", minimum = "0")))
  AttachmentResponse.ReconcileResponse reconcile(
      @Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    var graceSeconds = QueryParameters.of(request).value("grace_seconds").orElse(null);
    var report = reconcile.reconcile(identity.caller(), grace(graceSeconds));
    return new AttachmentResponse.ReconcileResponse(report.examined(), report.removed());
  }

  private static Optional<Duration> grace(String seconds) {
    if (seconds == null) {
      return Optional.empty();
    }
    try {
      long value = Long.parseLong(seconds);
      if (value < 0) {
        throw new MalformedInputException("grace_seconds must be 0 or more");
      }
      return Optional.of(Duration.ofSeconds(value));
    } catch (NumberFormatException e) {
      throw new MalformedInputException("grace_seconds must be a number of seconds");
    }
  }
}

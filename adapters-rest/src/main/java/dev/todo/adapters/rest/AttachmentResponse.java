package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.attachment.Attachment;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An attachment's metadata as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record AttachmentResponse(
    @Schema(format = "uuid") String id,
    @JsonProperty("todo_id") @Schema(format = "uuid") String todoId,
    @Schema(description = "for display only") String filename,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("size_bytes") long sizeBytes,
    @Schema(description = "hex SHA-256 of the bytes") String sha256,
    @JsonProperty("created_at") @Schema(format = "date-time") String createdAt) {

  static AttachmentResponse of(Attachment a) {
    return new AttachmentResponse(
        a.id().toString(),
        a.todoId().toString(),
        a.filename(),
        a.contentType(),
        a.sizeBytes(),
        a.sha256(),
        Timestamps.format(a.createdAt()));
  }

  /** {@code {"data": [...]}}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ListResponse(List<AttachmentResponse> data) {}

  /** What the reconcile routine did. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record ReconcileResponse(long examined, List<String> removed) {}
}

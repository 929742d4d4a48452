package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The body of every error under {@code /api}: {@code {"error": {...}}}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ErrorEnvelope(ErrorEnvelope.Body error) {

  /**
   * @param details field name to messages for {@code VALIDATION_ERROR}; an empty object otherwise
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Body(
      @Schema(example = "VALIDATION_ERROR") String code,
      String message,
      Map<String, List<String>> details,
      @Schema(format = "date-time") String timestamp,
      @JsonProperty("request_id") String requestId) {}
}

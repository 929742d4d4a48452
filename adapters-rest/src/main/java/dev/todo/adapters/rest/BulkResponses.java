package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Answers of the bulk routes. */
final class BulkResponses {

  private BulkResponses() {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(name = "BulkUpdated")
  record Updated(long updated) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @Schema(name = "BulkDeleted")
  record Deleted(long deleted) {}
}

package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Answers of the bulk routes. */
final class BulkResponses {

  private BulkResponses() {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Updated(long updated) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Deleted(long deleted) {}
}

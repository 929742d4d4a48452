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

  /** The to-dos a purge deleted for good. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Purged(long purged) {}
}

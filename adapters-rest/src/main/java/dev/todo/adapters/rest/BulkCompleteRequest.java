package dev.todo.adapters.rest;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Documentation only: the body of {@code PATCH /api/v1/todos}. */
@Serdeable
record BulkCompleteRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean completed) {}

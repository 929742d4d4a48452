package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Editable fields of a to-do. POST and PUT require title; PATCH (merge patch): absent = unchanged,
 * null = cleared. Unknown and read-only fields are ignored.
 *
 * <p>Documentation only: the shape of a to-do body in the OpenAPI document. Bodies are read
 * strictly by {@link JsonBodies}, which tells absent from {@code null} (merge-patch) and rejects
 * wrong JSON types instead of coercing them.
 */
@Serdeable
record TodoWriteRequest(
    @Schema(maxLength = 500, description = "trimmed; 1 to 500 characters, no control characters")
        String title,
    @Schema(maxLength = 10000, nullable = true) String notes,
    @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Boolean completed,
    @JsonProperty("due_date") @Schema(format = "date", nullable = true) String dueDate,
    @Schema(
            allowableValues = {"none", "low", "medium", "high"},
            nullable = true,
            description = "null means none")
        String priority,
    @Schema(description = "integer order within the to-do's list") Long position,
    @JsonProperty("list_id")
        @Schema(
            format = "uuid",
            description =
                "the list (an editor's): where a new to-do goes (default: the caller's default"
                    + " list), or where an existing one moves")
        String listId) {}

package dev.todo.adapters.rest;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A step's fields. POST requires title; PATCH (merge patch): absent = unchanged; {@code null} is
 * refused for each of them. Unknown and read-only fields are ignored.
 *
 * <p>Documentation only: the shape of a step body in the OpenAPI document. Bodies are read strictly
 * by {@link JsonBodies}.
 */
@Serdeable
record StepWriteRequest(
    @Schema(maxLength = 500, description = "trimmed; 1 to 500 characters, no control characters")
        String title,
    @Schema(description = "default false") Boolean completed,
    @Schema(description = "integer order within the to-do's steps; default: last") Long position) {}

package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.todo.domain.user.KnownUser;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A user as other users see them. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record UserResponse(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
    @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String name,
    @Schema(nullable = true, requiredMode = Schema.RequiredMode.REQUIRED) String email) {

  static UserResponse of(KnownUser user) {
    return new UserResponse(user.id(), user.name().orElse(null), user.email().orElse(null));
  }
}

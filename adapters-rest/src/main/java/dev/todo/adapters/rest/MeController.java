package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The caller as the token describes them; like every authenticated request, it makes them known to
 * the service (so a client's first call, usually this one, lets others add them to a list).
 */
@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "identity")
@SecurityRequirement(name = ApiDefinition.BEARER)
class MeController {

  @Get
  @Operation(summary = "Who the caller is")
  MeResponse me(@Parameter(hidden = true) Identity identity) {
    identity.caller();
    return new MeResponse(identity.subject(), identity.email(), identity.name(), identity.roles());
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MeResponse(String id, String email, String name, List<String> roles) {}
}

package dev.todo.adapters.rest;

import dev.todo.domain.port.in.ActivityUseCase;
import dev.todo.domain.port.in.ActivityUseCase.AuditFilters;
import dev.todo.domain.port.in.ActivityUseCase.PageOfEvents;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit log: a list's activity for its members, every event for an admin. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "activity")
@ApiDocs.BearerToken
class ActivityController {

  private final ActivityUseCase activity;

  ActivityController(ActivityUseCase activity) {
    this.activity = activity;
  }

  @Get("/lists/{listId}/activity")
  @Operation(summary = "The list's events, newest first (any member)")
  @ApiDocs.OneList
  @ApiDocs.EventPaging
  EventResponse.Page ofList(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      HttpRequest<?> request) {
    return EventResponse.Page.of(
        activity.ofList(identity.caller(), listId, page(QueryParameters.of(request))));
  }

  @Get("/admin/audit")
  @Tag(name = "admin")
  @Operation(
      summary = "Every event the filters select, newest first (admin role only)",
      parameters = {
        @Parameter(
            name = "actor",
            in = ParameterIn.QUERY,
            description = "a user id",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "action",
            in = ParameterIn.QUERY,
            description = "e.g. todo.completed",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "list_id",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string", format = "uuid")),
        @Parameter(
            name = "since",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string", format = "date-time")),
        @Parameter(
            name = "until",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "string", format = "date-time"))
      })
  @ApiResponse(
      responseCode = "404",
      description = "LIST_NOT_FOUND (a malformed list_id)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiDocs.EventPaging
  EventResponse.Page audit(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    var parameters = QueryParameters.of(request);
    var filters =
        new AuditFilters(
            parameters.value("actor"),
            parameters.value("action"),
            parameters.value("list_id"),
            parameters.value("since"),
            parameters.value("until"));
    return EventResponse.Page.of(activity.audit(identity.caller(), filters, page(parameters)));
  }

  private static PageOfEvents page(QueryParameters parameters) {
    return new PageOfEvents(
        parameters.value("before"),
        parameters.value("limit").map(given -> parameters.positive("limit", 0)));
  }
}

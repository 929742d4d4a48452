package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.port.in.SyncUseCase;
import dev.todo.domain.sync.Removal;
import dev.todo.domain.sync.SyncPage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Incremental sync: what changed for the caller since their cursor. */
@Controller("/api/v1/sync")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sync")
@ApiDocs.BearerToken
class SyncController {

  private final SyncUseCase sync;

  SyncController(SyncUseCase sync) {
    this.sync = sync;
  }

  @Get
  @Operation(
      summary = "What changed since the cursor, or everything without one",
      description =
          "Lists, to-dos (not in the trash) and steps created or changed since the cursor, as they"
              + " are now, and what the caller can no longer see in removed; follow cursor while"
              + " has_more is true. A cursor stays valid for TODO_SYNC_RETENTION_DAYS.",
      parameters = {
        @Parameter(
            name = "cursor",
            in = ParameterIn.QUERY,
            description = "from the previous answer",
            schema = @Schema(type = "string")),
        @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "lists, to-dos and steps together",
            schema =
                @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "500"))
      })
  @ApiResponse(
      responseCode = "200",
      description = "one page of changes",
      content = @Content(schema = @Schema(implementation = SyncResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST: a bad limit",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "410",
      description = "SYNC_CURSOR_EXPIRED: an old or unreadable cursor; sync again without one",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  SyncResponse sync(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    var parameters = QueryParameters.of(request);
    var page =
        sync.sync(
            identity.caller(),
            parameters.value("cursor"),
            parameters.value("limit").map(given -> parameters.positive("limit", 0)));
    return SyncResponse.of(page);
  }

  /** One page of a sync. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SyncResponse(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ListResponse> lists,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<TodoResponse> todos,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<StepResponse> steps,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RemovedResponse> removed,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String cursor,
      @JsonProperty("has_more") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
          boolean hasMore) {

    static SyncResponse of(SyncPage page) {
      return new SyncResponse(
          page.lists().stream().map(ListResponse::of).toList(),
          page.todos().stream().map(TodoResponse::of).toList(),
          page.steps().stream().map(StepResponse::of).toList(),
          page.removed().stream().map(RemovedResponse::of).toList(),
          page.cursor(),
          page.hasMore());
    }
  }

  /** Something the caller can no longer see. */
  @Serdeable
  record RemovedResponse(
      @Schema(
              allowableValues = {"list", "todo", "step"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String type,
      @Schema(format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED) String id) {

    static RemovedResponse of(Removal removal) {
      return new RemovedResponse(removal.type().wireName(), removal.id());
    }
  }
}

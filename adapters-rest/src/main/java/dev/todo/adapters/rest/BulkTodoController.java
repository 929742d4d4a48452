package dev.todo.adapters.rest;

import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.BulkEditTodosUseCase.DeleteTodosCommand;
import dev.todo.domain.port.in.BulkEditTodosUseCase.SetCompletedCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.StatusFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Patch;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The routes on every to-do of a list (or of the caller's own lists) at once: mark them all, move
 * them to the trash. The single to-do's routes are {@link TodoController}'s.
 */
@Controller("/api/v1/todos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "todos")
@ApiDocs.BearerToken
class BulkTodoController {

  private final BulkEditTodosUseCase bulk;
  private final JsonBodies bodies;

  BulkTodoController(BulkEditTodosUseCase bulk, JsonBodies bodies) {
    this.bulk = bulk;
    this.bodies = bodies;
  }

  @Patch
  @Consumes(MediaType.ALL)
  @Operation(
      summary = "Mark every to-do of the caller (optionally only those with a status)",
      parameters = {
        @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {"all", "active", "completed"}))
      })
  @ApiDocs.BulkCompleteBody
  @ApiDocs.InOneOrOwnLists
  BulkResponses.Updated completeAll(
      @Parameter(hidden = true) Identity identity,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    var parameters = QueryParameters.of(request);
    var command =
        new SetCompletedCommand(
            identity.caller(),
            parameters.listId(),
            parameters.status(StatusFilter.ALL),
            InputSource.parsed(
                () -> {
                  var object =
                      bodies.object(
                          JsonBodies.contentType(request), body, JsonBodies.JSON_OR_MERGE_PATCH);
                  return switch (JsonBodies.bool(object, "completed")) {
                    case Field.Value<Boolean> value -> value.value();
                    default -> null;
                  };
                }));
    return new BulkResponses.Updated(bulk.setCompleted(command));
  }

  @Delete
  @Operation(
      summary = "Delete the caller's completed to-dos (status=completed) or all (status=all)",
      parameters = {
        @Parameter(
            name = "status",
            in = ParameterIn.QUERY,
            required = true,
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {"completed", "all"}))
      })
  @ApiDocs.InOneOrOwnLists
  BulkResponses.Deleted deleteAll(
      @Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    var parameters = QueryParameters.of(request);
    var filter = parameters.requiredStatus("completed or all");
    return new BulkResponses.Deleted(
        bulk.deleteAll(new DeleteTodosCommand(identity.caller(), parameters.listId(), filter)));
  }
}

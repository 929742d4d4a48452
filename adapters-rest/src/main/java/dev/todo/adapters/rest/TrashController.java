package dev.todo.adapters.rest;

import dev.todo.domain.port.in.TrashUseCase;
import dev.todo.domain.todo.PageRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The trash of the lists the caller edits: what deleting a to-do put there, restored or deleted for
 * good; and the admin's purge of what has been there longer than the retention period.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "trash")
@ApiDocs.BearerToken
class TrashController {

  private final TrashUseCase trash;

  TrashController(TrashUseCase trash) {
    this.trash = trash;
  }

  @Get("/trash")
  @Operation(summary = "The trashed to-dos of the lists the caller edits, latest deleted first")
  @TodoQueryDocs.Page
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST: a bad value of a known parameter",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiDocs.InTrash
  TodoListResponse list(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    var parameters = QueryParameters.of(request);
    var page =
        new PageRequest(
            parameters.positive("page", 1),
            parameters.positive("page_size", PageRequest.DEFAULT_SIZE));
    return TodoListResponse.of(trash.list(identity.caller(), parameters.listId(), page));
  }

  @Post("/todos/{id}/restore")
  @Operation(summary = "Put a trashed to-do back in its list at its old position")
  @ApiDocs.OneTodo
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: the to-do is not in the trash",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "200",
      description = "restored, one version higher; ETag set",
      content = @Content(schema = @Schema(implementation = TodoResponse.class)))
  HttpResponse<TodoResponse> restore(
      @Parameter(hidden = true) Identity identity, @PathVariable String id) {
    var todo = trash.restore(identity.caller(), id);
    return HttpResponse.ok(TodoResponse.of(todo))
        .header(HttpHeaders.ETAG, IfMatch.etag(todo.version()));
  }

  @Delete("/trash/{id}")
  @Operation(summary = "Delete a trashed to-do for good, with its steps and attachments")
  @ApiResponse(
      responseCode = "404",
      description = "TODO_NOT_FOUND (also for a to-do that is not in the trash)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(responseCode = "204", description = "deleted for good")
  HttpResponse<Void> deleteForGood(
      @Parameter(hidden = true) Identity identity, @PathVariable String id) {
    trash.deleteForGood(identity.caller(), id);
    return HttpResponse.noContent();
  }

  @Delete("/trash")
  @Operation(summary = "Empty the trash of one list (an editor's) or of the lists the caller owns")
  @ApiDocs.InOneOrOwnLists
  @ApiResponse(responseCode = "200", description = "how many to-dos were deleted for good")
  BulkResponses.Deleted empty(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    return new BulkResponses.Deleted(
        trash.empty(identity.caller(), QueryParameters.of(request).listId()));
  }

  @Post("/admin/trash/purge")
  @Tag(name = "admin")
  @Operation(
      summary =
          "Delete for good what has been in the trash longer than TODO_TRASH_RETENTION_DAYS,"
              + " and audit events older than TODO_AUDIT_RETENTION_DAYS (admin role only)")
  @ApiResponse(responseCode = "200", description = "how many to-dos were purged")
  BulkResponses.Purged purge(@Parameter(hidden = true) Identity identity) {
    return new BulkResponses.Purged(trash.purge(identity.caller()));
  }
}

package dev.todo.adapters.rest;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.BulkEditTodosUseCase.DeleteTodosCommand;
import dev.todo.domain.port.in.BulkEditTodosUseCase.SetCompletedCommand;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ReadTodosUseCase;
import dev.todo.domain.port.in.ReadTodosUseCase.GetTodoQuery;
import dev.todo.domain.port.in.ReadTodosUseCase.ListTodosQuery;
import dev.todo.domain.port.in.ReadTodosUseCase.TodoStatsQuery;
import dev.todo.domain.port.in.UpdateTodoUseCase;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * The to-do routes. Each method turns HTTP into one use-case call: the caller from the token, query
 * parameters, If-Match and the body parsed here, on the request's thread; the body's outcome (its
 * value or its parse failure) is handed over as an {@code InputSource} so the use case can answer
 * 404, 403 and 412 before judging it.
 */
@Controller("/api/v1/todos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "todos")
@SecurityRequirement(name = ApiDefinition.BEARER)
@ApiResponse(
    responseCode = "401",
    description = "INVALID_TOKEN",
    content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(
    responseCode = "403",
    description = "AUTHENTICATION_REQUIRED or FORBIDDEN",
    content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
class TodoController {

  private static final String BASE = "/api/v1/todos";

  private final CreateTodoUseCase create;
  private final ReadTodosUseCase read;
  private final UpdateTodoUseCase update;
  private final DeleteTodoUseCase delete;
  private final BulkEditTodosUseCase bulk;
  private final JsonBodies bodies;

  TodoController(
      CreateTodoUseCase create,
      ReadTodosUseCase read,
      UpdateTodoUseCase update,
      DeleteTodoUseCase delete,
      BulkEditTodosUseCase bulk,
      JsonBodies bodies) {
    this.create = create;
    this.read = read;
    this.update = update;
    this.delete = delete;
    this.bulk = bulk;
    this.bodies = bodies;
  }

  @Get
  @Operation(summary = "List the caller's to-dos (or, for an admin, another owner's)")
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST: a bad value of a known parameter",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  TodoListResponse list(
      @Parameter(hidden = true) Identity identity,
      @Nullable
          @QueryValue
          @Parameter(schema = @Schema(allowableValues = {"all", "active", "completed"}))
          String status,
      @Nullable @QueryValue @Parameter(description = "case-insensitive substring of title or notes")
          String q,
      @Nullable
          @QueryValue
          @Parameter(schema = @Schema(allowableValues = {"none", "low", "medium", "high"}))
          String priority,
      @Nullable @QueryValue("due_before") @Parameter(schema = @Schema(format = "date"))
          String dueBefore,
      @Nullable @QueryValue("due_after") @Parameter(schema = @Schema(format = "date"))
          String dueAfter,
      @Nullable
          @QueryValue
          @Parameter(
              schema =
                  @Schema(
                      allowableValues = {
                        "position",
                        "created_at",
                        "updated_at",
                        "due_date",
                        "priority",
                        "title"
                      }))
          String sort,
      @Nullable @QueryValue @Parameter(schema = @Schema(allowableValues = {"asc", "desc"}))
          String order,
      @Nullable @QueryValue @Parameter(schema = @Schema(type = "integer", minimum = "1"))
          String page,
      @Nullable
          @QueryValue("page_size")
          @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
          String pageSize,
      @Nullable @QueryValue @Parameter(description = "another user's sub (admin only)")
          String owner) {
    var query =
        new ListTodosQuery(
            identity.caller(),
            QueryParameters.owner(owner),
            QueryParameters.status(status, StatusFilter.ALL),
            QueryParameters.text(q),
            QueryParameters.priority(priority),
            QueryParameters.date("due_before", dueBefore),
            QueryParameters.date("due_after", dueAfter),
            QueryParameters.sort(sort),
            QueryParameters.order(order),
            new PageRequest(
                QueryParameters.positive("page", page, 1),
                QueryParameters.positive("page_size", pageSize, PageRequest.DEFAULT_SIZE)));
    return TodoListResponse.of(read.list(query));
  }

  @Post
  @Consumes(MediaType.ALL)
  @Operation(summary = "Create a to-do")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TodoWriteRequest.class)))
  @ApiResponse(
      responseCode = "201",
      description = "created; Location and ETag set",
      content = @Content(schema = @Schema(implementation = TodoResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST (not a JSON object, wrong JSON type) or VALIDATION_ERROR",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "415",
      description = "UNSUPPORTED_MEDIA_TYPE",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  HttpResponse<TodoResponse> create(
      @Parameter(hidden = true) Identity identity,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    var todo =
        create.create(
            new CreateTodoCommand(
                identity.caller(),
                InputSource.parsed(
                    () -> bodies.todoInput(contentType(request), body, JsonBodies.JSON))));
    return withEtag(
        HttpResponse.created(TodoResponse.of(todo), URI.create(BASE + "/" + todo.id())), todo);
  }

  @Patch
  @Consumes(MediaType.ALL)
  @Operation(summary = "Mark every to-do of the caller (optionally only those with a status)")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = JsonBodies.MERGE_PATCH,
            schema = @Schema(implementation = BulkCompleteRequest.class)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BulkCompleteRequest.class))
      })
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST (not a JSON object, wrong JSON type) or VALIDATION_ERROR",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "415",
      description = "UNSUPPORTED_MEDIA_TYPE",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  BulkResponses.Updated completeAll(
      @Parameter(hidden = true) Identity identity,
      HttpRequest<?> request,
      @Nullable
          @QueryValue
          @Parameter(schema = @Schema(allowableValues = {"all", "active", "completed"}))
          String status,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    var command =
        new SetCompletedCommand(
            identity.caller(),
            QueryParameters.status(status, StatusFilter.ALL),
            InputSource.parsed(
                () -> {
                  var object =
                      bodies.object(contentType(request), body, JsonBodies.JSON_OR_MERGE_PATCH);
                  return switch (JsonBodies.bool(object, "completed")) {
                    case Field.Value<Boolean> value -> value.value();
                    default -> null;
                  };
                }));
    return new BulkResponses.Updated(bulk.setCompleted(command));
  }

  @Delete
  @Operation(
      summary = "Delete the caller's completed to-dos (status=completed) or all (status=all)")
  BulkResponses.Deleted deleteAll(
      @Parameter(hidden = true) Identity identity,
      @Nullable
          @QueryValue
          @Parameter(required = true, schema = @Schema(allowableValues = {"completed", "all"}))
          String status) {
    if (status == null) {
      throw new MalformedInputException("status is required: completed or all");
    }
    var filter = QueryParameters.status(status, StatusFilter.ALL);
    return new BulkResponses.Deleted(
        bulk.deleteAll(new DeleteTodosCommand(identity.caller(), filter)));
  }

  @Get("/stats")
  @Operation(summary = "Progress over the caller's (or, for an admin, another owner's) to-dos")
  StatsResponse stats(
      @Parameter(hidden = true) Identity identity,
      @Nullable @QueryValue @Parameter(description = "another user's sub (admin only)")
          String owner) {
    return StatsResponse.of(
        read.stats(new TodoStatsQuery(identity.caller(), QueryParameters.owner(owner))));
  }

  @Get("/{id}")
  @Operation(summary = "Read one to-do")
  @ApiResponse(
      responseCode = "404",
      description = "TODO_NOT_FOUND (also for a malformed id or another user's to-do)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  HttpResponse<TodoResponse> get(
      @Parameter(hidden = true) Identity identity, @PathVariable String id) {
    return ok(read.get(new GetTodoQuery(identity.caller(), PathIds.todoId(id))));
  }

  @Put("/{id}")
  @Consumes(MediaType.ALL)
  @Operation(
      summary = "Replace the editable fields (title required; absent optional fields cleared)")
  @Parameter(
      name = HttpHeaders.IF_MATCH,
      in = ParameterIn.HEADER,
      description = "\"<version>\", W/\"<version>\", * or a list; a mismatch is 412",
      schema = @Schema(type = "string"))
  @ApiResponse(
      responseCode = "404",
      description = "TODO_NOT_FOUND",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "412",
      description = "PRECONDITION_FAILED: If-Match does not name the current version",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TodoWriteRequest.class)))
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST (not a JSON object, wrong JSON type) or VALIDATION_ERROR",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "415",
      description = "UNSUPPORTED_MEDIA_TYPE",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  HttpResponse<TodoResponse> replace(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    return ok(
        update.replace(
            new UpdateTodoCommand(
                identity.caller(),
                PathIds.todoId(id),
                IfMatch.parse(request.getHeaders().getAll(HttpHeaders.IF_MATCH)),
                InputSource.parsed(
                    () -> bodies.todoInput(contentType(request), body, JsonBodies.JSON)))));
  }

  @Patch("/{id}")
  @Consumes(MediaType.ALL)
  @Operation(summary = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared")
  @Parameter(
      name = HttpHeaders.IF_MATCH,
      in = ParameterIn.HEADER,
      description = "\"<version>\", W/\"<version>\", * or a list; a mismatch is 412",
      schema = @Schema(type = "string"))
  @ApiResponse(
      responseCode = "404",
      description = "TODO_NOT_FOUND",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "412",
      description = "PRECONDITION_FAILED: If-Match does not name the current version",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = JsonBodies.MERGE_PATCH,
            schema = @Schema(implementation = TodoWriteRequest.class)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TodoWriteRequest.class))
      })
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST (not a JSON object, wrong JSON type) or VALIDATION_ERROR",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "415",
      description = "UNSUPPORTED_MEDIA_TYPE",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  HttpResponse<TodoResponse> patch(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    return ok(
        update.mergePatch(
            new UpdateTodoCommand(
                identity.caller(),
                PathIds.todoId(id),
                IfMatch.parse(request.getHeaders().getAll(HttpHeaders.IF_MATCH)),
                InputSource.parsed(
                    () ->
                        bodies.todoInput(
                            contentType(request), body, JsonBodies.JSON_OR_MERGE_PATCH)))));
  }

  @Delete("/{id}")
  @Operation(summary = "Delete one to-do and its attachments")
  @Parameter(
      name = HttpHeaders.IF_MATCH,
      in = ParameterIn.HEADER,
      description = "\"<version>\", W/\"<version>\", * or a list; a mismatch is 412",
      schema = @Schema(type = "string"))
  @ApiResponse(
      responseCode = "404",
      description = "TODO_NOT_FOUND",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "412",
      description = "PRECONDITION_FAILED: If-Match does not name the current version",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(responseCode = "204", description = "deleted")
  HttpResponse<Void> delete(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      HttpRequest<?> request) {
    delete.delete(
        new DeleteTodoCommand(
            identity.caller(),
            PathIds.todoId(id),
            IfMatch.parse(request.getHeaders().getAll(HttpHeaders.IF_MATCH))));
    return HttpResponse.noContent();
  }

  private static MediaType contentType(HttpRequest<?> request) {
    try {
      return request.getContentType().orElse(null);
    } catch (RuntimeException malformedHeader) {
      return null;
    }
  }

  private static HttpResponse<TodoResponse> ok(Todo todo) {
    return withEtag(HttpResponse.ok(TodoResponse.of(todo)), todo);
  }

  private static MutableHttpResponse<TodoResponse> withEtag(
      MutableHttpResponse<TodoResponse> response, Todo todo) {
    return response.header(HttpHeaders.ETAG, IfMatch.etag(todo.version()));
  }
}

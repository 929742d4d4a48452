package dev.todo.adapters.rest;

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
import dev.todo.domain.todo.CreateRequestKey;
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
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Optional;

/**
 * The to-do routes. Each method turns HTTP into one use-case call: the caller from the token, query
 * parameters, If-Match and the body parsed here, on the request's thread; the body's outcome (its
 * value or its parse failure) is handed over as an {@code InputSource} so the use case can answer
 * 404, 403 and 412 before judging it. The OpenAPI responses and parameters that routes share are
 * declared once, in {@link ApiDocs}. The routes on every to-do of a list at once are {@link
 * BulkTodoController}'s.
 */
@Controller("/api/v1/todos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "todos")
@ApiDocs.BearerToken
class TodoController {

  private static final String BASE = "/api/v1/todos";

  private final CreateTodoUseCase create;
  private final ReadTodosUseCase read;
  private final UpdateTodoUseCase update;
  private final DeleteTodoUseCase delete;
  private final JsonBodies bodies;

  TodoController(
      CreateTodoUseCase create,
      ReadTodosUseCase read,
      UpdateTodoUseCase update,
      DeleteTodoUseCase delete,
      JsonBodies bodies) {
    this.create = create;
    this.read = read;
    this.update = update;
    this.delete = delete;
    this.bodies = bodies;
  }

  @Get
  @Operation(summary = "List the to-dos of one list, or of every list the caller can read")
  @TodoQueryDocs.ListParameters
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST: a bad value of a known parameter",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiDocs.InLists
  TodoListResponse list(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    var parameters = QueryParameters.of(request);
    var query =
        new ListTodosQuery(
            identity.caller(),
            parameters.listId(),
            parameters.owner(),
            parameters.status(StatusFilter.ALL),
            parameters.text("q"),
            parameters.priority(),
            parameters.date("due_before"),
            parameters.date("due_after"),
            parameters.due(),
            parameters.zone(),
            parameters.sort(),
            parameters.order(),
            new PageRequest(
                parameters.positive("page", 1),
                parameters.positive("page_size", PageRequest.DEFAULT_SIZE)));
    return TodoListResponse.of(read.list(query));
  }

  @Post
  @Consumes(MediaType.ALL)
  @Operation(summary = "Create a to-do, in the caller's default list or the one named")
  @ApiResponse(
      responseCode = "404",
      description = "LIST_NOT_FOUND (list_id names no list the caller can read)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "201",
      description = "created; Location and ETag set",
      content = @Content(schema = @Schema(implementation = TodoResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "VALIDATION_ERROR (the body, or an Idempotency-Key that is not 1 to 128 characters of [A-Za-z0-9._:-])",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiDocs.TodoBody
  HttpResponse<TodoResponse> create(
      @Parameter(hidden = true) Identity identity,
      HttpRequest<?> request,
      @Parameter(
              in = ParameterIn.HEADER,
              name = CreateRequestKey.FIELD,
              description =
                  "optional: a create sent again with the same key (a retry after a lost answer)"
                      + " creates nothing and answers with the to-do the first one made, as it is"
                      + " now; 404 TODO_NOT_FOUND while that to-do is in the trash")
          @Nullable
          @Header(CreateRequestKey.FIELD)
          String requestKey,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    var todo =
        create.create(
            new CreateTodoCommand(
                identity.caller(),
                InputSource.parsed(
                    () -> bodies.todoInput(JsonBodies.contentType(request), body, JsonBodies.JSON)),
                CreateRequestKey.parse(Optional.ofNullable(requestKey))));
    return withEtag(
        HttpResponse.created(TodoResponse.of(todo), URI.create(BASE + "/" + todo.id())), todo);
  }

  @Get("/stats")
  @Operation(summary = "Progress over the to-dos of one list, or of every list the caller can read")
  @TodoQueryDocs.Owner
  @ApiDocs.InLists
  StatsResponse stats(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    var parameters = QueryParameters.of(request);
    return StatsResponse.of(
        read.stats(
            new TodoStatsQuery(
                identity.caller(), parameters.listId(), parameters.owner(), parameters.zone())));
  }

  @Get("/{id}")
  @Operation(summary = "Read one to-do")
  @ApiDocs.OneTodo
  @ApiDocs.ConditionalRead
  HttpResponse<TodoResponse> get(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      HttpRequest<?> request) {
    var todo = read.get(new GetTodoQuery(identity.caller(), PathIds.todoId(id)));
    return IfMatch.read(request, todo.version(), () -> HttpResponse.ok(TodoResponse.of(todo)));
  }

  @Put("/{id}")
  @Consumes(MediaType.ALL)
  @Operation(
      summary = "Replace the editable fields (title required; absent optional fields cleared)")
  @ApiDocs.OneTodo
  @ApiDocs.ConditionalWrite
  @ApiDocs.TodoBody
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
                    () ->
                        bodies.todoInput(
                            JsonBodies.contentType(request), body, JsonBodies.JSON)))));
  }

  @Patch("/{id}")
  @Consumes(MediaType.ALL)
  @Operation(summary = "JSON Merge Patch (RFC 7396): absent = unchanged, null = cleared")
  @ApiDocs.OneTodo
  @ApiDocs.ConditionalWrite
  @ApiDocs.TodoPatchBody
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
                            JsonBodies.contentType(request),
                            body,
                            JsonBodies.JSON_OR_MERGE_PATCH)))));
  }

  @Delete("/{id}")
  @Operation(summary = "Delete one to-do and its attachments")
  @ApiDocs.OneTodo
  @ApiDocs.ConditionalWrite
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

  private static HttpResponse<TodoResponse> ok(Todo todo) {
    return withEtag(HttpResponse.ok(TodoResponse.of(todo)), todo);
  }

  private static <T> MutableHttpResponse<T> withEtag(MutableHttpResponse<T> response, Todo todo) {
    return response.header(HttpHeaders.ETAG, IfMatch.etag(todo.version()));
  }
}

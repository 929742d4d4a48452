package dev.todo.adapters.rest;

import dev.todo.domain.list.ListView;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.in.ListsUseCase.PatchListCommand;
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

/**
 * The caller's lists. The body is parsed here, on the request's thread, and judged by the use case
 * after its checks of the list, the role and the precondition.
 */
@Controller("/api/v1/lists")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "lists")
@ApiDocs.BearerToken
class ListController {

  private static final String BASE = "/api/v1/lists";

  private final ListsUseCase lists;
  private final JsonBodies bodies;

  ListController(ListsUseCase lists, JsonBodies bodies) {
    this.lists = lists;
    this.bodies = bodies;
  }

  @Get
  @Operation(
      summary = "The caller's lists in their own order (an admin may name an owner)",
      parameters = {
        @Parameter(
            name = "owner",
            in = ParameterIn.QUERY,
            description = "the lists that user owns (an admin may name anyone, others themself)",
            schema = @Schema(type = "string"))
      })
  ListResponse.Page list(@Parameter(hidden = true) Identity identity, HttpRequest<?> request) {
    return new ListResponse.Page(
        lists.list(identity.caller(), QueryParameters.of(request).owner()).stream()
            .map(ListResponse::of)
            .toList());
  }

  @Post
  @Consumes(MediaType.ALL)
  @Operation(summary = "Create a list")
  @ApiResponse(
      responseCode = "201",
      description = "created; Location and ETag set",
      content = @Content(schema = @Schema(implementation = ListResponse.class)))
  @ApiDocs.JsonBody
  HttpResponse<ListResponse> create(
      @Parameter(hidden = true) Identity identity,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    var view =
        lists.create(
            identity.caller(),
            InputSource.parsed(
                () -> bodies.listInput(JsonBodies.contentType(request), body, JsonBodies.JSON)));
    return withEtag(
        HttpResponse.created(ListResponse.of(view), URI.create(BASE + "/" + view.list().id())),
        view);
  }

  @Get("/{listId}")
  @Operation(summary = "Read one list")
  @ApiDocs.OneList
  @ApiDocs.ConditionalRead
  HttpResponse<ListResponse> get(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      HttpRequest<?> request) {
    var view = lists.get(identity.caller(), listId);
    return IfMatch.read(
        request, view.list().version(), () -> HttpResponse.ok(ListResponse.of(view)));
  }

  @Patch("/{listId}")
  @Consumes(MediaType.ALL)
  @Operation(summary = "Rename (owner) or place the list among the caller's own (any member)")
  @ApiDocs.OneList
  @ApiDocs.ListConflict
  @ApiDocs.ConditionalWrite
  @ApiDocs.JsonBody
  HttpResponse<ListResponse> patch(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    return ok(
        lists.patch(
            new PatchListCommand(
                identity.caller(),
                listId,
                IfMatch.parse(request.getHeaders().getAll(HttpHeaders.IF_MATCH)),
                InputSource.parsed(
                    () ->
                        bodies.listInput(
                            JsonBodies.contentType(request),
                            body,
                            JsonBodies.JSON_OR_MERGE_PATCH)))));
  }

  @Delete("/{listId}")
  @Operation(summary = "Delete the list with everything in it (not the default list)")
  @ApiDocs.OneList
  @ApiDocs.ListConflict
  @ApiDocs.ConditionalWrite
  @ApiResponse(responseCode = "204", description = "deleted")
  HttpResponse<Void> delete(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      HttpRequest<?> request) {
    lists.delete(
        identity.caller(),
        listId,
        IfMatch.parse(request.getHeaders().getAll(HttpHeaders.IF_MATCH)));
    return HttpResponse.noContent();
  }

  private static HttpResponse<ListResponse> ok(ListView view) {
    return withEtag(HttpResponse.ok(ListResponse.of(view)), view);
  }

  private static MutableHttpResponse<ListResponse> withEtag(
      MutableHttpResponse<ListResponse> response, ListView view) {
    return response.header(HttpHeaders.ETAG, IfMatch.etag(view.list().version()));
  }
}

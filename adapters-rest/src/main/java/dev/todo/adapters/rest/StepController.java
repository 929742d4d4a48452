package dev.todo.adapters.rest;

import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.StepsUseCase;
import dev.todo.domain.port.in.StepsUseCase.AddStepCommand;
import dev.todo.domain.port.in.StepsUseCase.PatchStepCommand;
import dev.todo.domain.step.Step;
import dev.todo.domain.todo.TodoId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;

/**
 * A to-do's checklist. The body is parsed here, on the request's thread, and judged by the use case
 * after its checks of the to-do, the step and the role.
 */
@Controller("/api/v1/todos/{id}/steps")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "steps")
@ApiDocs.BearerToken
class StepController {

  private static final String BASE = "/api/v1/todos/";

  private final StepsUseCase steps;
  private final JsonBodies bodies;

  StepController(StepsUseCase steps, JsonBodies bodies) {
    this.steps = steps;
    this.bodies = bodies;
  }

  @Get
  @Operation(summary = "A to-do's steps in position order")
  @ApiDocs.OneTodo
  StepResponse.Page list(@Parameter(hidden = true) Identity identity, @PathVariable String id) {
    return new StepResponse.Page(
        steps.list(identity.caller(), PathIds.todoId(id)).stream().map(StepResponse::of).toList());
  }

  @Post
  @Consumes(MediaType.ALL)
  @Operation(summary = "Add a step (last unless position is given; at most 100 per to-do)")
  @ApiResponse(
      responseCode = "201",
      description = "created; Location set",
      content = @Content(schema = @Schema(implementation = StepResponse.class)))
  @ApiDocs.OneTodo
  @ApiDocs.StepBody
  HttpResponse<StepResponse> add(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    TodoId todoId = PathIds.todoId(id);
    Step step =
        steps.add(
            new AddStepCommand(
                identity.caller(),
                todoId,
                InputSource.parsed(
                    () ->
                        bodies.stepInput(JsonBodies.contentType(request), body, JsonBodies.JSON))));
    return HttpResponse.created(
        StepResponse.of(step), URI.create(BASE + todoId + "/steps/" + step.id()));
  }

  @Patch("/{stepId}")
  @Consumes(MediaType.ALL)
  @Operation(summary = "Change a step: title, completed, position (JSON Merge Patch)")
  @ApiDocs.OneStep
  @ApiDocs.StepPatchBody
  StepResponse patch(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      @PathVariable String stepId,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    return StepResponse.of(
        steps.patch(
            new PatchStepCommand(
                identity.caller(),
                PathIds.todoId(id),
                stepId,
                InputSource.parsed(
                    () ->
                        bodies.stepInput(
                            JsonBodies.contentType(request),
                            body,
                            JsonBodies.JSON_OR_MERGE_PATCH)))));
  }

  @Delete("/{stepId}")
  @Operation(summary = "Delete a step")
  @ApiDocs.OneStep
  @ApiResponse(responseCode = "204", description = "deleted")
  HttpResponse<Void> delete(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String id,
      @PathVariable String stepId) {
    steps.delete(identity.caller(), PathIds.todoId(id), stepId);
    return HttpResponse.noContent();
  }
}

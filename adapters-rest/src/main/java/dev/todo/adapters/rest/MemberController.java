package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.list.Member;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.in.SharingUseCase.MemberChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** A list's members: who, with which role; the owner adds and removes, a member may leave. */
@Controller("/api/v1/lists/{listId}/members")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sharing")
@ApiDocs.BearerToken
class MemberController {

  private final SharingUseCase sharing;
  private final JsonBodies bodies;

  MemberController(SharingUseCase sharing, JsonBodies bodies) {
    this.sharing = sharing;
    this.bodies = bodies;
  }

  @Get
  @Operation(summary = "The members, the owner first, then by when they were added")
  @ApiDocs.OneList
  Members list(@Parameter(hidden = true) Identity identity, @PathVariable String listId) {
    return new Members(
        sharing.members(identity.caller(), listId).stream().map(MemberResponse::of).toList());
  }

  @Post
  @Consumes(MediaType.ALL)
  @Operation(summary = "Add a known user by e-mail (201), or change the role of a member (200)")
  @ApiDocs.MemberGranted
  @ApiDocs.ListMember
  @ApiDocs.ListConflict
  @ApiDocs.JsonBody
  HttpResponse<MemberResponse> addByEmail(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    return answer(
        sharing.addByEmail(
            identity.caller(),
            listId,
            InputSource.parsed(() -> bodies.memberInput(JsonBodies.contentType(request), body))));
  }

  @Put("/{userId}")
  @Consumes(MediaType.ALL)
  @Operation(summary = "Add a known user by id (201), or change the role of a member (200)")
  @ApiDocs.MemberGranted
  @ApiDocs.ListMember
  @ApiDocs.ListConflict
  @ApiDocs.JsonBody
  HttpResponse<MemberResponse> put(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      @PathVariable String userId,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    return answer(
        sharing.putMember(
            identity.caller(),
            listId,
            userId,
            InputSource.parsed(() -> bodies.memberInput(JsonBodies.contentType(request), body))));
  }

  @Delete("/{userId}")
  @Operation(summary = "Remove a member (the owner), or leave the list (the member themself)")
  @ApiDocs.ListMember
  @ApiResponse(responseCode = "204", description = "removed")
  @ApiDocs.ListConflict
  HttpResponse<Void> remove(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      @PathVariable String userId) {
    sharing.removeMember(identity.caller(), listId, userId);
    return HttpResponse.noContent();
  }

  private static HttpResponse<MemberResponse> answer(MemberChange change) {
    return HttpResponse.status(change.added() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(MemberResponse.of(change.member()));
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record MemberResponse(
      UserResponse user,
      @Schema(allowableValues = {"owner", "editor", "viewer"}) String role,
      @JsonProperty("added_at") @Schema(format = "date-time") String addedAt) {

    static MemberResponse of(Member member) {
      return new MemberResponse(
          UserResponse.of(member.user()),
          member.role().wireName(),
          Timestamps.format(member.addedAt()));
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Members(List<MemberResponse> data) {}
}

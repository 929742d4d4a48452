package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.list.Invite;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.in.SharingUseCase.InvitePreview;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Invite links: the owner makes, lists and revokes them; anyone signed in who has a token sees what
 * it is and joins with it. A token is shown only in the answer that makes it.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sharing")
@ApiDocs.BearerToken
class InviteController {

  /** The browser app's page for an invite. */
  static final String PAGE = "/invite/";

  private final SharingUseCase sharing;
  private final JsonBodies bodies;

  InviteController(SharingUseCase sharing, JsonBodies bodies) {
    this.sharing = sharing;
    this.bodies = bodies;
  }

  @Post("/lists/{listId}/invites")
  @Consumes(MediaType.ALL)
  @Operation(summary = "Make an invite link (role, expires_in_days 1 to 30, default 7)")
  @ApiResponse(responseCode = "201", description = "made; the token is shown only here")
  @ApiDocs.OneList
  @ApiDocs.ListConflict
  @ApiDocs.JsonBody
  HttpResponse<CreatedInviteResponse> create(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      HttpRequest<?> request,
      @Parameter(hidden = true) @Nullable @Body byte[] body) {
    var created =
        sharing.createInvite(
            identity.caller(),
            listId,
            InputSource.parsed(() -> bodies.inviteInput(JsonBodies.contentType(request), body)));
    var invite = created.invite();
    return HttpResponse.created(
        new CreatedInviteResponse(
            invite.id().toString(),
            invite.role().wireName(),
            Timestamps.format(invite.expiresAt()),
            Timestamps.format(invite.createdAt()),
            created.token().value(),
            PAGE + created.token().value()));
  }

  @Get("/lists/{listId}/invites")
  @Operation(summary = "The list's unexpired invites, without their tokens")
  @ApiDocs.OneList
  Invites list(@Parameter(hidden = true) Identity identity, @PathVariable String listId) {
    return new Invites(
        sharing.invites(identity.caller(), listId).stream().map(InviteResponse::of).toList());
  }

  @Delete("/lists/{listId}/invites/{inviteId}")
  @Operation(summary = "Revoke an invite")
  @ApiDocs.OneInvite
  @ApiResponse(responseCode = "204", description = "revoked")
  HttpResponse<Void> revoke(
      @Parameter(hidden = true) Identity identity,
      @PathVariable String listId,
      @PathVariable String inviteId) {
    sharing.revokeInvite(identity.caller(), listId, inviteId);
    return HttpResponse.noContent();
  }

  @Get("/invites/{token}")
  @Operation(summary = "What an invite is")
  @ApiDocs.OneInvite
  PreviewResponse preview(@Parameter(hidden = true) Identity identity, @PathVariable String token) {
    return PreviewResponse.of(sharing.previewInvite(identity.caller(), token));
  }

  @Post("/invites/{token}/accept")
  @Operation(summary = "Join the list with the invite's role")
  @ApiDocs.OneInvite
  ListResponse accept(@Parameter(hidden = true) Identity identity, @PathVariable String token) {
    return ListResponse.of(sharing.acceptInvite(identity.caller(), token));
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record CreatedInviteResponse(
      String id,
      @Schema(allowableValues = {"editor", "viewer"}) String role,
      @JsonProperty("expires_at") @Schema(format = "date-time") String expiresAt,
      @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
      @Schema(description = "shown only here") String token,
      @Schema(description = "the browser app's page: /invite/<token>") String url) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record InviteResponse(
      String id,
      @Schema(allowableValues = {"editor", "viewer"}) String role,
      @JsonProperty("expires_at") @Schema(format = "date-time") String expiresAt,
      @JsonProperty("created_at") @Schema(format = "date-time") String createdAt) {

    static InviteResponse of(Invite invite) {
      return new InviteResponse(
          invite.id().toString(),
          invite.role().wireName(),
          Timestamps.format(invite.expiresAt()),
          Timestamps.format(invite.createdAt()));
    }
  }

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Invites(List<InviteResponse> data) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record PreviewResponse(
      InvitedList list,
      UserResponse owner,
      @Schema(allowableValues = {"editor", "viewer"}) String role,
      @JsonProperty("expires_at") @Schema(format = "date-time") String expiresAt) {

    static PreviewResponse of(InvitePreview preview) {
      return new PreviewResponse(
          new InvitedList(preview.list().id().toString(), preview.list().name().value()),
          UserResponse.of(preview.owner()),
          preview.role().wireName(),
          Timestamps.format(preview.expiresAt()));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InvitedList(String id, String name) {}
  }
}

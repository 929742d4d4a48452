package dev.todo.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/**
 * The OpenAPI documentation that several routes share, declared once. A controller names what kind
 * of route it has (bearer-protected, takes a to-do body, writes one to-do under If-Match); the
 * micronaut-openapi processor reads the {@code @ApiResponse}, {@code @Parameter} and {@code
 * RequestBody} on these annotations as if they were on the route (Micronaut stereotypes, also
 * through an annotation that carries another); a parameter by its entry in {@code
 * src/main/openapi/parameters.yml}. Documentation only: they keep the default (class) retention,
 * and nothing reads them at run time.
 */
final class ApiDocs {

  private ApiDocs() {}

  /** Every route of the controller needs a bearer token: 401 and 403. */
  @Target(ElementType.TYPE)
  @SecurityRequirement(name = ApiDefinition.BEARER)
  @ApiResponse(
      responseCode = "401",
      description = "INVALID_TOKEN",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "403",
      description = "AUTHENTICATION_REQUIRED or FORBIDDEN",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface BearerToken {}

  /** The route names one to-do by its path id. */
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "404",
      description = "TODO_NOT_FOUND (also for a malformed id or another user's to-do)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface OneTodo {}

  /**
   * A query over lists: one named by {@code list_id} (a member's), or every list the caller can
   * read; "today" in the caller's time zone.
   */
  @Target(ElementType.METHOD)
  @Parameter(name = "list_id", ref = "ListId")
  @Parameter(name = "tz", ref = "TimeZone")
  @ApiResponse(
      responseCode = "404",
      description = "LIST_NOT_FOUND (list_id names no list the caller can read)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface InLists {}

  /** A bulk change: in the list {@code list_id} names (an editor's), else the caller's own. */
  @Target(ElementType.METHOD)
  @Parameter(name = "list_id", ref = "ListIdOrOwnLists")
  @ApiResponse(
      responseCode = "404",
      description = "LIST_NOT_FOUND (list_id names no list the caller can read)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface InOneOrOwnLists {}

  /** A read of the trash: one list named by {@code list_id} (an editor's), or every list edited. */
  @Target(ElementType.METHOD)
  @Parameter(name = "list_id", ref = "ListIdInTrash")
  @ApiResponse(
      responseCode = "404",
      description = "LIST_NOT_FOUND (list_id names no list the caller can read)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface InTrash {}

  /** A page of audit events: before an event of the previous page, at most {@code limit}. */
  @Target(ElementType.METHOD)
  @Parameter(name = "before", ref = "EventsBefore")
  @Parameter(name = "limit", ref = "EventsLimit")
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST: a bad value of a known parameter",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "200",
      description = "newest first",
      content = @Content(schema = @Schema(implementation = EventResponse.Page.class)))
  @interface EventPaging {}

  /** The route names one list by its path id. */
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "404",
      description = "LIST_NOT_FOUND (also for a malformed id or a list the caller is not in)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface OneList {}

  /** The route names a list and a user in it (or to add to it). */
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "404",
      description = "LIST_NOT_FOUND, or USER_NOT_FOUND (no known user, or not a member)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface ListMember {}

  /** The route names an invite: by its token, or by its id within a list. */
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "404",
      description = "INVITE_NOT_FOUND (unknown, expired or revoked), or LIST_NOT_FOUND",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface OneInvite {}

  /** A member added (201) or their role changed (200). */
  @Target(ElementType.METHOD)
  @ApiResponse(responseCode = "201", description = "added")
  @ApiResponse(responseCode = "200", description = "already a member: the role changed")
  @interface MemberGranted {}

  /** The route refuses what the list's state forbids. */
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: not for the default list, or an admin who is no member",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface ListConflict {}

  /** The route changes its resource only if {@code If-Match}, when sent, names its version. */
  @Target(ElementType.METHOD)
  @Parameter(name = HttpHeaders.IF_MATCH, ref = "IfMatch")
  @ApiResponse(
      responseCode = "412",
      description = "PRECONDITION_FAILED: If-Match does not name the current version",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface ConditionalWrite {}

  /** A read of one resource with an ETag: {@code If-None-Match} naming its version is a 304. */
  @Target(ElementType.METHOD)
  @Parameter(name = HttpHeaders.IF_NONE_MATCH, ref = "IfNoneMatch")
  @ApiResponse(responseCode = "304", description = "not modified; ETag set, no body")
  @interface ConditionalRead {}

  /** The route reads a JSON body strictly ({@link JsonBodies}): 400 and 415. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @ApiResponse(
      responseCode = "400",
      description = "MALFORMED_REQUEST (not a JSON object, wrong JSON type) or VALIDATION_ERROR",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "415",
      description = "UNSUPPORTED_MEDIA_TYPE",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface JsonBody {}

  /** A to-do's editable fields as JSON (POST, PUT). */
  @Target(ElementType.METHOD)
  @JsonBody
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TodoWriteRequest.class)))
  @interface TodoBody {}

  /** A merge patch of a to-do's editable fields, as merge-patch or plain JSON. */
  @Target(ElementType.METHOD)
  @JsonBody
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
  @interface TodoPatchBody {}

  /** {@code {"completed": bool}} for every to-do, as merge-patch or plain JSON. */
  @Target(ElementType.METHOD)
  @JsonBody
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
  @interface BulkCompleteBody {}

  /** The route names a step of a to-do by their path ids. */
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "404",
      description =
          "TODO_NOT_FOUND (also for a malformed id or a to-do the caller cannot read),"
              + " STEP_NOT_FOUND (also for a malformed id or another to-do's step)",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface OneStep {}

  /** A step's fields as JSON (POST); the to-do's 101st step is a VALIDATION_ERROR too. */
  @Target(ElementType.METHOD)
  @JsonBody
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StepWriteRequest.class)))
  @interface StepBody {}

  /** A merge patch of a step's fields, as merge-patch or plain JSON. */
  @Target(ElementType.METHOD)
  @JsonBody
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = JsonBodies.MERGE_PATCH,
            schema = @Schema(implementation = StepWriteRequest.class)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StepWriteRequest.class))
      })
  @interface StepPatchBody {}

  /** The routes of a to-do's files: the to-do or the file may be missing, the store may be down. */
  @Target(ElementType.TYPE)
  @ApiResponse(
      responseCode = "404",
      description = "TODO_NOT_FOUND (also another user's), ATTACHMENT_NOT_FOUND",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "503",
      description = "SERVICE_UNAVAILABLE: the file store did not answer; Retry-After set",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface AttachmentErrors {}

  /** What an upload's body can get wrong. */
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "400",
      description = "VALIDATION_ERROR: no part named file, or the to-do has its maximum of files",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "413",
      description = "PAYLOAD_TOO_LARGE: over TODO_ATTACHMENTS_MAX_BYTES; nothing stored",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @ApiResponse(
      responseCode = "415",
      description = "UNSUPPORTED_MEDIA_TYPE: not multipart/form-data",
      content = @Content(schema = @Schema(implementation = ErrorEnvelope.class)))
  @interface UploadErrors {}
}

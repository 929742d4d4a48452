package dev.todo.adapters.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of the to-do list's query parameters (read by {@link QueryParameters}).
 */
final class TodoQueryDocs {

  private TodoQueryDocs() {}

  /** The filters, the order and the page of {@code GET /api/v1/todos}. */
  @Target(ElementType.METHOD)
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              type = "string",
              allowableValues = {"all", "active", "completed"}))
  @Parameter(
      name = "q",
      in = ParameterIn.QUERY,
      description = "case-insensitive substring of title or notes",
      schema = @Schema(type = "string"))
  @Parameter(
      name = "priority",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              type = "string",
              allowableValues = {"none", "low", "medium", "high"}))
  @Parameter(
      name = "due",
      in = ParameterIn.QUERY,
      description = "overdue (active, due before today), today, or upcoming (after today)",
      schema =
          @Schema(
              type = "string",
              allowableValues = {"overdue", "today", "upcoming"}))
  @Parameter(
      name = "due_before",
      in = ParameterIn.QUERY,
      schema = @Schema(type = "string", format = "date"))
  @Parameter(
      name = "due_after",
      in = ParameterIn.QUERY,
      schema = @Schema(type = "string", format = "date"))
  @Parameter(
      name = "sort",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              type = "string",
              allowableValues = {
                "position",
                "created_at",
                "updated_at",
                "due_date",
                "priority",
                "title"
              }))
  @Parameter(
      name = "order",
      in = ParameterIn.QUERY,
      schema =
          @Schema(
              type = "string",
              allowableValues = {"asc", "desc"}))
  @Parameter(
      name = "page",
      in = ParameterIn.QUERY,
      schema = @Schema(type = "integer", minimum = "1"))
  @Parameter(
      name = "page_size",
      in = ParameterIn.QUERY,
      schema = @Schema(type = "integer", minimum = "1", maximum = "100"))
  @Owner
  @interface ListParameters {}

  /** {@code owner}: the lists another user owns (an admin may name anyone, others themself). */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Parameter(
      name = "owner",
      in = ParameterIn.QUERY,
      description = "the lists this user owns (admin only, or the caller's own sub)",
      schema = @Schema(type = "string"))
  @interface Owner {}
}

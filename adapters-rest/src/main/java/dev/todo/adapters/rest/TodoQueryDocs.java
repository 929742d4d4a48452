package dev.todo.adapters.rest;

import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/**
 * The to-do list's query parameters (read by {@link QueryParameters}), named by their entries in
 * {@code src/main/openapi/parameters.yml}.
 */
final class TodoQueryDocs {

  private TodoQueryDocs() {}

  /** The filters, the order and the page of {@code GET /api/v1/todos}. */
  @Target(ElementType.METHOD)
  @Parameter(name = "status", ref = "Status")
  @Parameter(name = "q", ref = "Text")
  @Parameter(name = "priority", ref = "Priority")
  @Parameter(name = "due", ref = "Due")
  @Parameter(name = "due_before", ref = "DueBefore")
  @Parameter(name = "due_after", ref = "DueAfter")
  @Parameter(name = "sort", ref = "Sort")
  @Parameter(name = "order", ref = "Order")
  @Page
  @Owner
  @interface ListParameters {}

  /** {@code page} and {@code page_size}. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Parameter(name = "page", ref = "Page")
  @Parameter(name = "page_size", ref = "PageSize")
  @interface Page {}

  /** {@code owner}: the lists another user owns (an admin may name anyone, others themself). */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Parameter(name = "owner", ref = "Owner")
  @interface Owner {}
}

package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.TodoPage;
import dev.todo.domain.todo.TrashPage;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of to-dos with the true size of the whole list. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record TodoListResponse(List<TodoResponse> data, Meta meta) {

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Meta(
      int page,
      @JsonProperty("page_size") int pageSize,
      @JsonProperty("total_count") long totalCount,
      @JsonProperty("total_pages") long totalPages) {

    static Meta of(PageRequest request, long totalCount, long totalPages) {
      return new Meta(request.page(), request.size(), totalCount, totalPages);
    }
  }

  static TodoListResponse of(TrashPage page) {
    return new TodoListResponse(
        page.items().stream().map(TodoResponse::of).toList(),
        Meta.of(page.request(), page.totalCount(), page.totalPages()));
  }

  static TodoListResponse of(TodoPage page) {
    return new TodoListResponse(
        page.items().stream().map(TodoResponse::of).toList(),
        Meta.of(page.request(), page.totalCount(), page.totalPages()));
  }
}

package dev.todo.domain.todo;

import java.util.List;

/** One page of a list, with the size of the whole list. */
public record TodoPage(List<Todo> items, PageRequest request, long totalCount) {

  public TodoPage {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return (totalCount + request.size() - 1) / request.size();
  }
}

package dev.todo.domain.todo;

import java.util.List;

/** One page of trashed to-dos, most recently deleted first, with how many are in the trash. */
public record TrashPage(List<TrashedTodo> items, PageRequest request, long totalCount) {

  public TrashPage {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return (totalCount + request.size() - 1) / request.size();
  }
}

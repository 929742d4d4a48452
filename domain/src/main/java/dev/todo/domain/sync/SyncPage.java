package dev.todo.domain.sync;

import dev.todo.domain.list.ListView;
import dev.todo.domain.step.Step;
import dev.todo.domain.todo.Todo;
import java.util.List;
import java.util.Objects;

/** One answer of a sync: entities as they are now, what was removed, and where to resume. */
public record SyncPage(
    List<ListView> lists,
    List<Todo> todos,
    List<Step> steps,
    List<Removal> removed,
    String cursor,
    boolean hasMore) {

  public SyncPage {
    lists = List.copyOf(lists);
    todos = List.copyOf(todos);
    steps = List.copyOf(steps);
    removed = List.copyOf(removed);
    Objects.requireNonNull(cursor, "cursor");
  }
}

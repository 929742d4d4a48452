package dev.todo.adapters.persistence;

import dev.todo.domain.sync.EntityType;
import dev.todo.domain.todo.Todo;
import jakarta.inject.Singleton;

/**
 * The sync's view of the to-do rows: a new or restored to-do arrives with its steps, a changed one
 * is due again, a moved one is removed from its old list and arrives in the new one, a trashed one
 * is removed; a list whose counters change is due again too.
 */
@Singleton
final class SyncedTodos implements TodoDerivedData {

  private final SyncChanges changes;

  SyncedTodos(SyncChanges changes) {
    this.changes = changes;
  }

  @Override
  public void inserted(Todo todo) {
    changes.arrived(todo.id());
    changes.list(todo.listId());
  }

  @Override
  public void updated(Todo before, Todo after) {
    if (after.movedFrom(before)) {
      changes.removed(EntityType.TODO, before.id().toString(), before.listId());
      changes.arrived(after.id());
      changes.list(before.listId());
      changes.list(after.listId());
      return;
    }
    changes.todo(after.id());
    if (before.completed() != after.completed()) {
      changes.list(after.listId());
    }
  }

  @Override
  public void deleting(Todo todo) {
    changes.removed(EntityType.TODO, todo.id().toString(), todo.listId());
    changes.list(todo.listId());
  }
}

package dev.todo.domain.testing;

import dev.todo.domain.port.out.StepRepository;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepId;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory fake of {@link StepRepository} over an {@link InMemoryTodoRepository}: it keeps the
 * to-do's step counters, and a step whose to-do is gone is gone too (as with the real foreign key).
 * A step names its to-do by id, so it stays with it when the to-do moves to another list.
 */
public final class InMemoryStepRepository
    implements StepRepository, InMemoryTransactions.Participant {

  private static final Comparator<Step> IN_ORDER =
      Comparator.comparingLong(Step::position)
          .thenComparing(Step::createdAt)
          .thenComparing(s -> s.id().toString());

  private final InMemoryTodoRepository todos;
  private final Map<StepId, Step> steps = new LinkedHashMap<>();

  public InMemoryStepRepository(InMemoryTodoRepository todos) {
    this.todos = todos;
  }

  @Override
  public synchronized Optional<Step> findById(StepId id) {
    return Optional.ofNullable(steps.get(id)).filter(this::todoExists);
  }

  @Override
  public synchronized List<Step> findByTodo(TodoId todoId) {
    return steps.values().stream()
        .filter(s -> s.todoId().equals(todoId))
        .filter(this::todoExists)
        .sorted(IN_ORDER)
        .toList();
  }

  @Override
  public synchronized long nextPosition(TodoId todoId) {
    long highest = findByTodo(todoId).stream().mapToLong(Step::position).max().orElse(0);
    return Math.min(highest + 1, TodoEdit.MAX_POSITION);
  }

  @Override
  public synchronized void insert(Step step) {
    if (!todoExists(step)) {
      throw new IllegalStateException("No to-do " + step.todoId());
    }
    if (steps.putIfAbsent(step.id(), step) != null) {
      throw new IllegalStateException("Duplicate step " + step.id());
    }
    todos.adjustStepCounts(step.todoId(), 1, step.completed() ? 1 : 0);
  }

  @Override
  public synchronized void update(Step before, Step after) {
    Step stored = findById(before.id()).orElse(null);
    if (stored == null
        || !after.id().equals(before.id())
        || !after.todoId().equals(stored.todoId())) {
      throw new IllegalStateException("No step " + before.id() + " to update");
    }
    steps.put(after.id(), after);
    if (stored.completed() != after.completed()) {
      todos.adjustStepCounts(after.todoId(), 0, after.completed() ? 1 : -1);
    }
  }

  @Override
  public synchronized void delete(Step step) {
    Step stored = steps.get(step.id());
    if (stored != null && todoExists(stored)) {
      steps.remove(step.id());
      todos.adjustStepCounts(stored.todoId(), -1, stored.completed() ? -1 : 0);
    }
  }

  /** Every step, of live and trashed to-dos. */
  synchronized List<Step> all() {
    return List.copyOf(steps.values());
  }

  @Override
  public synchronized Runnable checkpoint() {
    var saved = new LinkedHashMap<>(steps);
    return () -> {
      synchronized (this) {
        steps.clear();
        steps.putAll(saved);
      }
    };
  }

  private boolean todoExists(Step step) {
    return todos.row(step.todoId()).isPresent();
  }
}

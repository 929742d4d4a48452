package dev.todo.application;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.error.StepNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.StepsUseCase;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.StepRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepEdit;
import dev.todo.domain.step.StepId;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.time.Clock;
import java.util.List;

/**
 * A to-do's checklist. Access is the to-do's list role, read in each use case's own transaction
 * ({@link AccessibleTodos}); each write is one transaction in which the repository also keeps the
 * to-do's step counters, and each change of a step is written in one place ({@link #add}, {@link
 * #patch}, {@link #delete}).
 */
public final class StepService implements StepsUseCase {

  private final TodoRepository todos;
  private final ListRepository lists;
  private final StepRepository steps;
  private final Transactions transactions;
  private final Clock clock;
  private final Activity activity;

  StepService(
      TodoRepository todos,
      ListRepository lists,
      StepRepository steps,
      Transactions transactions,
      Clock clock,
      Activity activity) {
    this.todos = todos;
    this.lists = lists;
    this.steps = steps;
    this.transactions = transactions;
    this.clock = clock;
    this.activity = activity;
  }

  @Override
  public List<Step> list(Caller caller, TodoId todoId) {
    return transactions.read(
        () -> {
          accessible(caller, todoId);
          return steps.findByTodo(todoId);
        });
  }

  @Override
  public Step add(AddStepCommand command) {
    var events = activity.by(command.caller());
    return transactions.write(
        () -> {
          Todo todo = accessible(command.caller(), command.todoId()).editable();
          StepEdit edit = StepEdit.forCreate(command.input().read());
          requireRoomFor(todo);
          var step =
              Step.create(
                  StepId.random(), todo.id(), edit, steps.nextPosition(todo.id()), clock.instant());
          steps.insert(step);
          events.todo(AuditAction.STEP_CREATED, todo, changes(null, step));
          return step;
        });
  }

  @Override
  public Step patch(PatchStepCommand command) {
    var events = activity.by(command.caller());
    return transactions.write(
        () -> {
          var found = accessible(command.caller(), command.todoId());
          Step current = stepOf(command.todoId(), command.stepId());
          Todo todo = found.editable();
          StepEdit edit = StepEdit.forMergePatch(command.input().read());
          Step changed = current.apply(edit, clock.instant());
          if (changed != current) {
            steps.update(current, changed);
            events.todo(AuditAction.STEP_UPDATED, todo, changes(current, changed));
          }
          return changed;
        });
  }

  @Override
  public void delete(Caller caller, TodoId todoId, String stepId) {
    var events = activity.by(caller);
    transactions.write(
        () -> {
          var found = accessible(caller, todoId);
          Step current = stepOf(todoId, stepId);
          Todo todo = found.editable();
          steps.delete(current);
          events.todo(
              AuditAction.STEP_DELETED,
              todo,
              Changes.builder()
                  .naming("step_id", current.id().toString())
                  .change("title", current.title().value(), null)
                  .build());
          return null;
        });
  }

  /** What a change of a step records: its id, then each field that differs (before null: new). */
  private static Changes changes(Step before, Step after) {
    boolean created = before == null;
    return Changes.builder()
        .naming("step_id", after.id().toString())
        .change("title", created ? null : before.title().value(), after.title().value())
        .change("completed", created ? Boolean.FALSE : before.completed(), after.completed())
        .change("position", created ? null : before.position(), after.position())
        .build();
  }

  /** The 101st step is refused: the count is the to-do's, read in this transaction. */
  private static void requireRoomFor(Todo todo) {
    if (todo.stepCount() >= Step.MAX_PER_TODO) {
      throw ValidationException.of("steps", "a to-do has at most " + Step.MAX_PER_TODO + " steps");
    }
  }

  private AccessibleTodos.Accessible accessible(Caller caller, TodoId id) {
    return AccessibleTodos.find(todos, lists, caller, id);
  }

  /** The to-do's step named {@code stepId}; a malformed id or another to-do's step is none. */
  private Step stepOf(TodoId todoId, String stepId) {
    return StepId.parse(stepId)
        .flatMap(steps::findById)
        .filter(step -> step.todoId().equals(todoId))
        .orElseThrow(StepNotFoundException::new);
  }
}

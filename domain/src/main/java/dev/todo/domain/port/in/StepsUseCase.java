package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.step.Step;
import dev.todo.domain.step.StepInput;
import dev.todo.domain.todo.TodoId;
import java.util.List;
import java.util.Objects;

/**
 * A to-do's checklist: list, add, change (merge patch) and delete its steps. Access is the to-do's
 * list role: members read, editors write. Step ids arrive as the caller wrote them: a malformed
 * one, or one of another to-do, finds nothing. Checks come in the contract's order: the to-do and
 * the caller's access to its list (404), the step (404), a read-only account or a role too low
 * (403), then the body (400, and the to-do's limit of {@link Step#MAX_PER_TODO} steps).
 */
public interface StepsUseCase {

  List<Step> list(Caller caller, TodoId todoId);

  Step add(AddStepCommand command);

  Step patch(PatchStepCommand command);

  void delete(Caller caller, TodoId todoId, String stepId);

  record AddStepCommand(Caller caller, TodoId todoId, InputSource<StepInput> input) {
    public AddStepCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(todoId, "todoId");
      Objects.requireNonNull(input, "input");
    }
  }

  record PatchStepCommand(
      Caller caller, TodoId todoId, String stepId, InputSource<StepInput> input) {
    public PatchStepCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(todoId, "todoId");
      Objects.requireNonNull(stepId, "stepId");
      Objects.requireNonNull(input, "input");
    }
  }
}

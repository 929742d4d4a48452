package dev.todo.domain.error;

/** The step does not exist, or does not belong to the to-do it was asked under. */
public final class StepNotFoundException extends DomainException {

  public StepNotFoundException() {
    super("Step not found");
  }
}

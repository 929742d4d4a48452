package dev.todo.domain.error;

/** The to-do does not exist, or the caller may not see it (its existence is not revealed). */
public final class TodoNotFoundException extends DomainException {

  public TodoNotFoundException() {
    super("To-do not found");
  }
}

package dev.todo.domain.error;

/** The list does not exist, or the caller is not a member (its existence is not revealed). */
public final class ListNotFoundException extends DomainException {

  public ListNotFoundException() {
    super("List not found");
  }
}

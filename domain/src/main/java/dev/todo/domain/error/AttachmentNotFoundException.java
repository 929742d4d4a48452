package dev.todo.domain.error;

/** The attachment does not exist, or does not belong to the to-do it was asked under. */
public final class AttachmentNotFoundException extends DomainException {

  public AttachmentNotFoundException() {
    super("Attachment not found");
  }
}

package dev.todo.domain.error;

/** A request the domain refuses; each subtype maps to one answer of the API contract. */
public abstract sealed class DomainException extends RuntimeException
    permits TodoNotFoundException,
        ForbiddenException,
        ValidationException,
        MalformedInputException,
        UnsupportedFormatException,
        PreconditionFailedException,
        ServiceUnavailableException,
        AttachmentNotFoundException,
        ListNotFoundException,
        UserNotFoundException,
        InviteNotFoundException,
        ConflictException,
        PayloadTooLargeException,
        StepNotFoundException,
        SyncCursorExpiredException {

  protected DomainException(String message) {
    super(message);
  }

  protected DomainException(String message, Throwable cause) {
    super(message, cause);
  }
}

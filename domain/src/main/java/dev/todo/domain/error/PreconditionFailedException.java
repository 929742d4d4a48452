package dev.todo.domain.error;

/** The caller's expected version is not the current one; nothing was changed. */
public final class PreconditionFailedException extends DomainException {

  private final long currentVersion;

  public PreconditionFailedException(long currentVersion) {
    super("The to-do has changed since it was read (current version " + currentVersion + ")");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}

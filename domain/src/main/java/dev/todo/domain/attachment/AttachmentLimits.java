package dev.todo.domain.attachment;

/** How large one attachment may be, in bytes, and how many one to-do may have. */
public record AttachmentLimits(long maxBytes, int maxPerTodo) {

  /** The contract's defaults: 10 MiB and 20. */
  public static final AttachmentLimits DEFAULTS = new AttachmentLimits(10 * 1024 * 1024, 20);

  public AttachmentLimits {
    if (maxBytes < 0 || maxPerTodo < 0) {
      throw new IllegalArgumentException("Limits cannot be negative");
    }
  }
}

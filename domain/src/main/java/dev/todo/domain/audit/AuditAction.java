package dev.todo.domain.audit;

import dev.todo.domain.error.MalformedInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an audit event records, named {@code <resource>.<verb>} on the wire. */
public enum AuditAction {
  TODO_CREATED("todo.created"),
  TODO_UPDATED("todo.updated"),
  TODO_COMPLETED("todo.completed"),
  TODO_REOPENED("todo.reopened"),
  TODO_MOVED("todo.moved"),
  TODO_DELETED("todo.deleted"),
  TODO_RESTORED("todo.restored"),
  TODO_PURGED("todo.purged"),
  STEP_CREATED("step.created"),
  STEP_UPDATED("step.updated"),
  STEP_DELETED("step.deleted"),
  ATTACHMENT_ADDED("attachment.added"),
  ATTACHMENT_DELETED("attachment.deleted"),
  LIST_CREATED("list.created"),
  LIST_RENAMED("list.renamed"),
  LIST_DELETED("list.deleted"),
  MEMBER_ADDED("member.added"),
  MEMBER_CHANGED("member.changed"),
  MEMBER_REMOVED("member.removed"),
  MEMBER_LEFT("member.left"),
  INVITE_CREATED("invite.created"),
  INVITE_REVOKED("invite.revoked"),
  INVITE_ACCEPTED("invite.accepted"),
  USER_ERASED("user.erased"),
  ADMIN_RECONCILE("admin.reconcile"),
  ADMIN_PURGE("admin.purge");

  private static final Map<String, AuditAction> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(AuditAction::wireName, Function.identity()));

  private final String wireName;

  AuditAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The action named {@code name}; anything else is a malformed {@code field}. */
  public static AuditAction parse(String name, String field) {
    var action = BY_NAME.get(name);
    if (action == null) {
      throw new MalformedInputException(field + " is not a known action");
    }
    return action;
  }

  @Override
  public String toString() {
    return wireName;
  }
}

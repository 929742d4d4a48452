package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.in.EraseAccountUseCase;
import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.StatusFilter;
import java.util.List;
import java.util.Optional;

/**
 * Erases an account in one write: the owned lists go with everything in them (their invites too),
 * the memberships in other lists are removed (their counters move), the to-dos and events that name
 * the user keep their content without the name, and the user record goes. The files' objects are
 * removed after the commit, as when a list is deleted. Its one {@code user.erased} event has no
 * actor: it would name the user it was written to forget.
 */
final class AccountErasureService implements EraseAccountUseCase {

  private final ListRepository lists;
  private final TodoRepository todos;
  private final UserRepository users;
  private final AuditLog audit;
  private final Transactions transactions;
  private final AttachmentCleanup cleanup;
  private final Activity activity;

  AccountErasureService(
      ListRepository lists,
      TodoRepository todos,
      UserRepository users,
      AuditLog audit,
      Transactions transactions,
      AttachmentCleanup cleanup,
      Activity activity) {
    this.lists = lists;
    this.todos = todos;
    this.users = users;
    this.audit = audit;
    this.transactions = transactions;
    this.cleanup = cleanup;
    this.activity = activity;
  }

  @Override
  public void erase(Caller caller, Optional<String> confirm) {
    caller.requireWriteAccess();
    String user = caller.subject();
    if (!confirm.filter(user::equals).isPresent()) {
      throw ValidationException.of("confirm", "must be the caller's own user id");
    }
    var events = activity.anonymously();
    List<Attachment> removed =
        transactions.write(
            () -> {
              var memberships = lists.membershipsOf(user);
              List<TodoList> owned =
                  memberships.stream()
                      .filter(m -> m.role() == ListRole.OWNER)
                      .map(Membership::list)
                      .toList();
              List<ListId> ownedIds = owned.stream().map(TodoList::id).toList();
              var attachments =
                  ownedIds.isEmpty()
                      ? List.<Attachment>of()
                      : cleanup.goingWith(ownedIds, StatusFilter.ALL);
              owned.forEach(lists::delete);
              memberships.stream()
                  .filter(m -> m.role() != ListRole.OWNER)
                  .forEach(m -> lists.removeMember(m.list().id(), user));
              todos.forgetUser(user);
              audit.forgetUser(user);
              users.delete(user);
              events.about(
                  AuditAction.USER_ERASED, Optional.empty(), Optional.empty(), Changes.none());
              return attachments;
            });
    cleanup.removeObjects(removed);
  }
}

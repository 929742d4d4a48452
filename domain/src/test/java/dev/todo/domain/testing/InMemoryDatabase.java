package dev.todo.domain.testing;

/** The in-memory fakes of the database's ports, wired together as the real adapter is. */
public final class InMemoryDatabase {

  public final InMemoryTodoRepository todos = new InMemoryTodoRepository();
  public final InMemoryTrashRepository trash = new InMemoryTrashRepository(todos);
  public final InMemoryUserRepository users = new InMemoryUserRepository();
  public final InMemoryAttachmentRepository attachments = new InMemoryAttachmentRepository(todos);
  public final InMemoryStepRepository steps = new InMemoryStepRepository(todos);
  public final InMemoryListRepository lists = new InMemoryListRepository(users, todos);
  public final InMemoryInviteRepository invites = new InMemoryInviteRepository(lists);
  public final InMemoryAuditLog audit = new InMemoryAuditLog(users);
  public final InMemorySyncFeed sync = new InMemorySyncFeed(lists, todos, steps, users);
  public final InMemoryTransactions transactions =
      new InMemoryTransactions(todos, users, attachments, steps, lists, invites, audit);
}

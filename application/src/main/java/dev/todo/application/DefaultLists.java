package dev.todo.application;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListName;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.UserRepository;
import java.time.Clock;

/** Every user's default list ("Inbox"), created when first needed, inside the caller's write. */
final class DefaultLists {

  private final ListRepository lists;
  private final UserRepository users;
  private final Clock clock;

  DefaultLists(ListRepository lists, UserRepository users, Clock clock) {
    this.lists = lists;
    this.users = users;
    this.clock = clock;
  }

  /** The caller's default list, created (with the caller made known) if it is missing. */
  TodoList of(Caller caller) {
    return lists
        .findDefault(caller.subject())
        .orElseGet(
            () -> {
              var now = clock.instant();
              users.register(caller, now);
              var inbox =
                  TodoList.create(ListId.random(), caller.subject(), ListName.DEFAULT, true, now);
              lists.insert(inbox, lists.nextPosition(caller.subject()));
              return inbox;
            });
  }
}

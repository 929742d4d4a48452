package dev.todo.domain.testing;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static dev.todo.domain.testing.TodoBuilder.listOf;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListName;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.UserRepository;

/** What the contract tests of to-do storage stand on: known users, each with their one list. */
public final class TestLists {

  private TestLists() {}

  /** Registers each user and stores their list, {@link TodoBuilder#listOf}; in a transaction. */
  public static void registerWithLists(
      UserRepository users, ListRepository lists, String... subjects) {
    for (String subject : subjects) {
      users.register(Caller.of(subject), T0);
      lists.insert(
          TodoList.create(listOf(subject), subject, ListName.of(subject + "'s list"), false, T0),
          1);
    }
  }
}

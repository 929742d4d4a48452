package dev.todo.domain.port.out;

import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.Member;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The lists and who is in them. Called inside a transaction of {@link Transactions}; keeps each
 * list's {@code memberCount} exact in that same transaction. Every list has its owner as a member
 * with the {@link ListRole#OWNER} role; users are known ({@link UserRepository}) before they join.
 */
public interface ListRepository {

  Optional<TodoList> findById(ListId id);

  /** The user's role in the list, the owner's included; empty when they are not a member. */
  Optional<ListRole> roleOf(ListId list, String user);

  /** The user's default list, once it exists. */
  Optional<TodoList> findDefault(String owner);

  /** Every list the user is a member of, in the user's own order (position, then id). */
  List<Membership> membershipsOf(String user);

  /** One past the highest position among the user's lists (1 when they have none). */
  long nextPosition(String user);

  /** Stores a new list with its owner as member at {@code position} of the owner's lists. */
  void insert(TodoList list, long position);

  /** Stores {@code after} (a new name) in place of {@code before}, read in this transaction. */
  void update(TodoList before, TodoList after);

  /** Deletes the list with its memberships (and, through the database, what is in it). */
  void delete(TodoList list);

  /** Moves the list within the member's own order; other members' orders are untouched. */
  void setPosition(ListId list, String user, long position);

  /** The members, the owner first, then by the time they were added (ties by id). */
  List<Member> members(ListId list);

  /** Adds a member who is not one yet, last in their own lists' order. */
  void addMember(ListId list, String user, ListRole role, Instant now);

  /** Changes the role of a member who is one already. */
  void changeRole(ListId list, String user, ListRole role);

  /** Removes the member, if they are one; returns whether they were. */
  boolean removeMember(ListId list, String user);
}

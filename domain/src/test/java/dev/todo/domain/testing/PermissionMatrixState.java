package dev.todo.domain.testing;

import dev.todo.domain.testing.PermissionMatrix.Who;
import java.util.List;

/**
 * The state each cell of the {@link PermissionMatrix} starts from, built at each level by its own
 * means: alice owns "Groceries" with viewer bob, editor erin, viewer carol and editor ro (whose
 * account is read-only); gone was an editor and was removed; root is an admin and no member; zed is
 * no member. A to-do "Milk" with one attachment and one step is in Groceries, and "Rye" is in its
 * trash. alice also owns "Elsewhere", where zed, bob, erin, ro and gone are editors, with a to-do
 * "Bread": moving into Groceries from there needs editor on both lists. dave is known by his
 * e-mail, dave@example.com.
 */
public final class PermissionMatrixState {

  private PermissionMatrixState() {}

  /** What the state is built with, at each level by its own means (use cases, HTTP). */
  public interface World {

    /** Makes the user known to the service (by e-mail too when {@code email} is not null). */
    void know(String subject, String email);

    /** A new list owned by {@code owner}; its id. */
    String createList(String owner, String name);

    void addMember(String owner, String list, String user, String role);

    void removeMember(String owner, String list, String user);

    /** A new to-do in the list; its id. */
    String createTodo(String user, String list, String title);

    /** A new attachment {@link PermissionMatrix#UPLOADED_NAME} of the to-do; its id. */
    String attach(String user, String todo);

    /** A new step of the to-do; its id. */
    String addStep(String user, String todo, String title);

    /** Moves the to-do to the trash. */
    void trash(String user, String todo);
  }

  /** The ids of the state each cell starts from. */
  public record Ids(
      String list,
      String todo,
      String attachment,
      String step,
      String trashed,
      String elsewhere,
      String outside) {

    /** The template with these ids and the caller's own id ({@code {self}}) in place. */
    public String render(String template, Who who) {
      return template
          .replace("{list}", list)
          .replace("{todo}", todo)
          .replace("{attachment}", attachment)
          .replace("{step}", step)
          .replace("{trashed}", trashed)
          .replace("{elsewhere}", elsewhere)
          .replace("{outside}", outside)
          .replace("{self}", who.subject);
    }
  }

  /** The users every state needs, to make known once per service. */
  public static void knowEveryone(World world) {
    for (var who : Who.values()) {
      world.know(who.subject, null);
    }
    world.know("carol", null);
    world.know("dave", "dave@example.com");
  }

  /** Builds the state described above, once the users are {@link #knowEveryone known}. */
  public static Ids build(World world) {
    String alice = Who.OWNER.subject;
    String list = world.createList(alice, "Groceries");
    world.addMember(alice, list, Who.VIEWER.subject, "viewer");
    world.addMember(alice, list, Who.EDITOR.subject, "editor");
    world.addMember(alice, list, "carol", "viewer");
    world.addMember(alice, list, Who.READONLY.subject, "editor");
    world.addMember(alice, list, Who.REMOVED.subject, "editor");
    world.removeMember(alice, list, Who.REMOVED.subject);
    String todo = world.createTodo(alice, list, "Milk");
    String attachment = world.attach(alice, todo);
    String step = world.addStep(alice, todo, "Oat milk");
    String trashed = world.createTodo(alice, list, "Rye");
    world.trash(alice, trashed);
    String elsewhere = world.createList(alice, "Elsewhere");
    for (var who : List.of(Who.NON_MEMBER, Who.VIEWER, Who.EDITOR, Who.READONLY, Who.REMOVED)) {
      world.addMember(alice, elsewhere, who.subject, "editor");
    }
    String outside = world.createTodo(alice, elsewhere, "Bread");
    return new Ids(list, todo, attachment, step, trashed, elsewhere, outside);
  }
}

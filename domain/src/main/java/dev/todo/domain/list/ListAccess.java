package dev.todo.domain.list;

import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.identity.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * What one caller may do with one list, decided in one place: the role of their membership (read
 * afresh in each request's own transaction), or none; the {@code admin} role is an explicit bypass.
 * Checks come in the contract's order: a caller who may not read the list is told it does not exist
 * (404, never 403), then a read-only account or a role too low is refused (403).
 */
public record ListAccess(Caller caller, ListId list, Optional<ListRole> membership) {

  public ListAccess {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(membership, "membership");
  }

  public boolean canRead() {
    return membership.isPresent() || caller.isAdmin();
  }

  /** Reading the list and everything in it. */
  public ListAccess requireRead() {
    if (!canRead()) {
      throw new ListNotFoundException();
    }
    return this;
  }

  /** Changing the list's to-dos, their steps and attachments. */
  public ListAccess requireEdit() {
    return require(ListRole.EDITOR, "Only editors of the list may change what is in it");
  }

  /**
   * Seeing what only editors see (the trash), also with a read-only token: an editor's role or the
   * admin's, without the right to write.
   */
  public ListAccess requireEditorRole() {
    requireRead();
    if (!caller.isAdmin() && !membership.orElseThrow().allows(ListRole.EDITOR)) {
      throw new ForbiddenException("Only editors of the list may see its trash");
    }
    return this;
  }

  /** Renaming or deleting the list, managing its members and invites. */
  public ListAccess requireOwnership() {
    return require(ListRole.OWNER, "Only the list's owner may do that");
  }

  /** The role the caller has in the list as the API names it: theirs, or {@code admin}. */
  public String roleName() {
    return membership.map(ListRole::wireName).orElse(Caller.ADMIN);
  }

  private ListAccess require(ListRole needed, String refusal) {
    requireRead();
    caller.requireWriteAccess();
    if (!caller.isAdmin() && !membership.orElseThrow().allows(needed)) {
      throw new ForbiddenException(refusal);
    }
    return this;
  }
}

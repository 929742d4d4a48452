package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.Invite;
import dev.todo.domain.list.InviteToken;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.ListView;
import dev.todo.domain.list.Member;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.todo.Field;
import dev.todo.domain.user.KnownUser;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who is in a list: its members (added by e-mail or id, given a role, removed, or leaving) and its
 * invite links. Ids and tokens arrive as the caller wrote them. Checks come in the contract's
 * order: the list and the caller's access (404), a read-only account or a role too low (403), the
 * list's state (409), then the body, then what the body names (404).
 */
public interface SharingUseCase {

  /** The owner first, then the others by when they were added. */
  List<Member> members(Caller caller, String listId);

  /** Adds the known user with that e-mail, or changes their role if they are a member already. */
  MemberChange addByEmail(Caller caller, String listId, InputSource<MemberInput> input);

  /** Adds the known user with that id, or changes their role if they are a member already. */
  MemberChange putMember(
      Caller caller, String listId, String userId, InputSource<MemberInput> input);

  /** Removes a member (the owner), or leaves the list (the member themself). */
  void removeMember(Caller caller, String listId, String userId);

  CreatedInvite createInvite(Caller caller, String listId, InputSource<InviteInput> input);

  /** The list's invites that have not expired, newest first. */
  List<Invite> invites(Caller caller, String listId);

  void revokeInvite(Caller caller, String listId, String inviteId);

  /** What an invite is, for anyone signed in who has its token. */
  InvitePreview previewInvite(Caller caller, String token);

  /**
   * Joins the list with the invite's role; a member keeps the higher of their role and the
   * invite's, the owner stays owner.
   */
  ListView acceptInvite(Caller caller, String token);

  /** A member's fields as sent: {@code email} (adding by e-mail only) and {@code role}. */
  record MemberInput(Field<String> email, Field<String> role) {
    public MemberInput {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(role, "role");
    }
  }

  /** The member as they are now, and whether the request added them (else changed their role). */
  record MemberChange(Member member, boolean added) {}

  /** An invite's fields as sent: {@code role} and {@code expires_in_days} (1 to 30, default 7). */
  record InviteInput(Field<String> role, Field<Long> expiresInDays) {
    public InviteInput {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(expiresInDays, "expiresInDays");
    }
  }

  /** A new invite with its token, which is shown only this once. */
  record CreatedInvite(Invite invite, InviteToken token) {}

  record InvitePreview(TodoList list, KnownUser owner, ListRole role, Instant expiresAt) {}
}

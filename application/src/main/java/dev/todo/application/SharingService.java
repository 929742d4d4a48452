package dev.todo.application;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.audit.MemberChanges;
import dev.todo.domain.error.ConflictException;
import dev.todo.domain.error.InviteNotFoundException;
import dev.todo.domain.error.UserNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.Invite;
import dev.todo.domain.list.InviteId;
import dev.todo.domain.list.InviteToken;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.ListView;
import dev.todo.domain.list.Member;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.out.InviteRepository;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.Field;
import dev.todo.domain.user.KnownUser;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Members and invite links of lists; each use case is one transaction. */
public final class SharingService implements SharingUseCase {

  static final int MAX_INVITE_DAYS = 30;
  static final int DEFAULT_INVITE_DAYS = 7;

  private final ListRepository lists;
  private final InviteRepository invites;
  private final UserRepository users;
  private final Transactions transactions;
  private final Clock clock;
  private final Activity activity;

  SharingService(
      ListRepository lists,
      InviteRepository invites,
      UserRepository users,
      Transactions transactions,
      Clock clock,
      Activity activity) {
    this.lists = lists;
    this.invites = invites;
    this.users = users;
    this.transactions = transactions;
    this.clock = clock;
    this.activity = activity;
  }

  @Override
  public List<Member> members(Caller caller, String listId) {
    return transactions.read(
        () -> lists.members(AccessibleLists.find(lists, caller, listId).list().id()));
  }

  @Override
  public MemberChange addByEmail(Caller caller, String listId, InputSource<MemberInput> input) {
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          TodoList list = shareable(caller, listId);
          MemberInput fields = input.read();
          ListRole role = role(fields.role());
          String email =
              switch (fields.email()) {
                case Field.Value<String> value when !value.value().isBlank() -> value.value();
                default -> throw ValidationException.of("email", "is required");
              };
          KnownUser user = users.findByEmail(email).orElseThrow(UserNotFoundException::new);
          return grant(list, user, role, events);
        });
  }

  @Override
  public MemberChange putMember(
      Caller caller, String listId, String userId, InputSource<MemberInput> input) {
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          TodoList list = shareable(caller, listId);
          if (userId.equals(list.owner())) {
            throw new ConflictException("The owner's own membership cannot change");
          }
          ListRole role = role(input.read().role());
          KnownUser user = users.findById(userId).orElseThrow(UserNotFoundException::new);
          return grant(list, user, role, events);
        });
  }

  @Override
  public void removeMember(Caller caller, String listId, String userId) {
    var events = activity.by(caller);
    transactions.write(
        () -> {
          var found = AccessibleLists.find(lists, caller, listId);
          TodoList list = found.list();
          if (userId.equals(caller.subject())) {
            caller.requireWriteAccess();
          } else {
            found.access().requireOwnership();
          }
          if (userId.equals(list.owner())) {
            throw new ConflictException("The owner cannot leave their own list");
          }
          var role = lists.roleOf(list.id(), userId).orElseThrow(UserNotFoundException::new);
          lists.removeMember(list.id(), userId);
          events.list(
              userId.equals(caller.subject())
                  ? AuditAction.MEMBER_LEFT
                  : AuditAction.MEMBER_REMOVED,
              list.id(),
              MemberChanges.of(userId, Optional.of(role), Optional.empty()));
          return null;
        });
  }

  @Override
  public CreatedInvite createInvite(Caller caller, String listId, InputSource<InviteInput> input) {
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          TodoList list = shareable(caller, listId);
          InviteInput fields = input.read();
          var errors = new ValidationException.Collector();
          ListRole role = null;
          try {
            role = role(fields.role());
          } catch (ValidationException e) {
            errors.addAll(e);
          }
          long days = expiresInDays(fields.expiresInDays(), errors);
          errors.throwIfAny();
          var now = clock.instant();
          var invite =
              new Invite(InviteId.random(), list.id(), role, now, now.plus(Duration.ofDays(days)));
          var token = InviteToken.random();
          invites.insert(invite, token);
          events.list(
              AuditAction.INVITE_CREATED,
              list.id(),
              Changes.builder()
                  .change("invite_id", null, invite.id().toString())
                  .change("role", null, role.wireName())
                  .build());
          return new CreatedInvite(invite, token);
        });
  }

  @Override
  public List<Invite> invites(Caller caller, String listId) {
    return transactions.read(
        () -> {
          var found = AccessibleLists.find(lists, caller, listId);
          found.access().requireOwnership();
          return invites.findActive(found.list().id(), clock.instant());
        });
  }

  @Override
  public void revokeInvite(Caller caller, String listId, String inviteId) {
    var events = activity.by(caller);
    transactions.write(
        () -> {
          var found = AccessibleLists.find(lists, caller, listId);
          found.access().requireOwnership();
          var id = InviteId.parse(inviteId).orElseThrow(InviteNotFoundException::new);
          if (!invites.revoke(found.list().id(), id)) {
            throw new InviteNotFoundException();
          }
          events.list(
              AuditAction.INVITE_REVOKED,
              found.list().id(),
              Changes.of("invite_id", id.toString(), null));
          return null;
        });
  }

  @Override
  public InvitePreview previewInvite(Caller caller, String token) {
    return transactions.read(
        () -> {
          Invite invite = activeInvite(token);
          TodoList list = lists.findById(invite.list()).orElseThrow(InviteNotFoundException::new);
          return new InvitePreview(
              list, users.findById(list.owner()).orElseThrow(), invite.role(), invite.expiresAt());
        });
  }

  @Override
  public ListView acceptInvite(Caller caller, String token) {
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          Invite invite = activeInvite(token);
          caller.requireWriteAccess();
          var now = clock.instant();
          users.register(caller, now);
          var current = lists.roleOf(invite.list(), caller.subject());
          if (current.isEmpty()) {
            lists.addMember(invite.list(), caller.subject(), invite.role(), now);
          } else if (!current.get().allows(invite.role())) {
            lists.changeRole(invite.list(), caller.subject(), invite.role());
          }
          var role = lists.roleOf(invite.list(), caller.subject()).orElseThrow();
          events.list(
              AuditAction.INVITE_ACCEPTED,
              invite.list(),
              MemberChanges.builder(caller.subject(), current, Optional.of(role))
                  .naming("invite_id", invite.id().toString())
                  .build());
          TodoList list = lists.findById(invite.list()).orElseThrow();
          var membership =
              lists.membershipsOf(caller.subject()).stream()
                  .filter(m -> m.list().id().equals(list.id()))
                  .findFirst()
                  .orElseThrow();
          return new ListView(
              list,
              users.findById(list.owner()).orElseThrow(),
              membership.role().wireName(),
              OptionalLong.of(membership.position()));
        });
  }

  /** The list, if the caller owns it (or is an admin) and it is not the default list. */
  private TodoList shareable(Caller caller, String listId) {
    var found = AccessibleLists.find(lists, caller, listId);
    found.access().requireOwnership();
    if (found.list().isDefault()) {
      throw new ConflictException("The default list cannot be shared");
    }
    return found.list();
  }

  /** Adds the user as a member, or changes their role: one event, none when nothing changed. */
  private MemberChange grant(
      TodoList list, KnownUser user, ListRole role, Activity.Recorder events) {
    if (user.id().equals(list.owner())) {
      throw new ConflictException("The owner's own membership cannot change");
    }
    var current = lists.roleOf(list.id(), user.id());
    boolean added = current.isEmpty();
    if (added) {
      lists.addMember(list.id(), user.id(), role, clock.instant());
      events.list(
          AuditAction.MEMBER_ADDED,
          list.id(),
          MemberChanges.of(user.id(), Optional.empty(), Optional.of(role)));
    } else if (current.get() != role) {
      lists.changeRole(list.id(), user.id(), role);
      events.list(
          AuditAction.MEMBER_CHANGED,
          list.id(),
          MemberChanges.of(user.id(), current, Optional.of(role)));
    }
    Member member =
        lists.members(list.id()).stream()
            .filter(m -> m.user().id().equals(user.id()))
            .findFirst()
            .orElseThrow();
    return new MemberChange(member, added);
  }

  private Invite activeInvite(String token) {
    return invites
        .findActive(new InviteToken(token), clock.instant())
        .orElseThrow(InviteNotFoundException::new);
  }

  private static ListRole role(Field<String> role) {
    return switch (role) {
      case Field.Value<String> value -> ListRole.grantable("role", value.value());
      default -> throw ValidationException.of("role", "is required: editor or viewer");
    };
  }

  private static long expiresInDays(Field<Long> days, ValidationException.Collector errors) {
    return switch (days) {
      case Field.Absent<Long> absent -> DEFAULT_INVITE_DAYS;
      case Field.Value<Long> value when value.value() >= 1 && value.value() <= MAX_INVITE_DAYS ->
          value.value();
      default -> {
        errors.add("expires_in_days", "must be from 1 to " + MAX_INVITE_DAYS);
        yield DEFAULT_INVITE_DAYS;
      }
    };
  }
}

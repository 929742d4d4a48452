package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.error.ConflictException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.list.ListName;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.ListView;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.VersionPrecondition;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The caller's lists. Each use case is one transaction; access is read in it ({@link
 * AccessibleLists}).
 */
public final class ListService implements ListsUseCase {

  private final ListRepository lists;
  private final UserRepository users;
  private final DefaultLists defaultLists;
  private final Transactions transactions;
  private final Clock clock;
  private final AttachmentCleanup cleanup;
  private final Activity activity;

  ListService(
      ListRepository lists,
      UserRepository users,
      DefaultLists defaultLists,
      Transactions transactions,
      Clock clock,
      AttachmentCleanup cleanup,
      Activity activity) {
    this.lists = lists;
    this.users = users;
    this.defaultLists = defaultLists;
    this.transactions = transactions;
    this.clock = clock;
    this.cleanup = cleanup;
    this.activity = activity;
  }

  @Override
  public ListView create(Caller caller, InputSource<ListInput> input) {
    caller.requireWriteAccess();
    ListInput fields = input.read();
    var errors = new ValidationException.Collector();
    ListName name = collect(errors, () -> requiredName(fields.name()));
    Optional<Long> position = collect(errors, () -> position(fields.position()));
    errors.throwIfAny();
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          var now = clock.instant();
          users.register(caller, now);
          var list = TodoList.create(ListId.random(), caller.subject(), name, false, now);
          long at = position.orElseGet(() -> lists.nextPosition(caller.subject()));
          lists.insert(list, at);
          events.list(AuditAction.LIST_CREATED, list.id(), Changes.of("name", null, name.value()));
          return view(list, ListRole.OWNER.wireName(), OptionalLong.of(at));
        });
  }

  @Override
  public List<ListView> list(Caller caller, Optional<String> owner) {
    String whose = caller.ownerToRead(owner);
    if (whose.equals(caller.subject())) {
      transactions.write(() -> defaultLists.of(caller));
      return transactions.read(
          () -> lists.membershipsOf(caller.subject()).stream().map(this::view).toList());
    }
    return transactions.read(
        () ->
            lists.membershipsOf(whose).stream()
                .filter(membership -> membership.role() == ListRole.OWNER)
                .map(membership -> viewFor(caller, membership.list()))
                .toList());
  }

  @Override
  public ListView get(Caller caller, String listId) {
    return transactions.read(
        () -> viewFor(caller, AccessibleLists.find(lists, caller, listId).list()));
  }

  @Override
  public ListView patch(PatchListCommand command) {
    Caller caller = command.caller();
    var events = activity.by(caller);
    return transactions.write(
        () -> {
          var found = AccessibleLists.find(lists, caller, command.listId());
          caller.requireWriteAccess();
          command.precondition().check(found.list().version());
          ListInput fields = command.input().read();
          if (!(fields.name() instanceof Field.Absent<String>)) {
            found.access().requireOwnership();
          }
          var errors = new ValidationException.Collector();
          Optional<ListName> name = collect(errors, () -> newName(fields.name()));
          Optional<Long> position = collect(errors, () -> position(fields.position()));
          errors.throwIfAny();
          TodoList list = found.list();
          if (name.isPresent()) {
            TodoList renamed = list.renamed(name.get(), clock.instant());
            if (renamed != list) {
              lists.update(list, renamed);
              events.list(
                  AuditAction.LIST_RENAMED,
                  list.id(),
                  Changes.of("name", list.name().value(), renamed.name().value()));
            }
          }
          if (position.isPresent()) {
            if (found.access().membership().isEmpty()) {
              throw new ConflictException("An admin who is not a member has no place for the list");
            }
            lists.setPosition(list.id(), caller.subject(), position.get());
          }
          return viewFor(caller, lists.findById(list.id()).orElseThrow());
        });
  }

  /** Deletes the list with what is in it: rows in the transaction, then the files' objects. */
  @Override
  public void delete(Caller caller, String listId, VersionPrecondition precondition) {
    var events = activity.by(caller);
    List<Attachment> removed =
        transactions.write(
            () -> {
              var found = AccessibleLists.find(lists, caller, listId);
              found.access().requireOwnership();
              if (found.list().isDefault()) {
                throw new ConflictException("The default list cannot be deleted");
              }
              precondition.check(found.list().version());
              var attachments = cleanup.goingWith(List.of(found.list().id()), StatusFilter.ALL);
              lists.delete(found.list());
              events.list(
                  AuditAction.LIST_DELETED,
                  found.list().id(),
                  Changes.of("name", found.list().name().value(), null));
              return attachments;
            });
    cleanup.removeObjects(removed);
  }

  private ListView viewFor(Caller caller, TodoList list) {
    var role = lists.roleOf(list.id(), caller.subject());
    OptionalLong position =
        role.isEmpty()
            ? OptionalLong.empty()
            : lists.membershipsOf(caller.subject()).stream()
                .filter(m -> m.list().id().equals(list.id()))
                .mapToLong(Membership::position)
                .findFirst();
    return view(list, role.map(ListRole::wireName).orElse(Caller.ADMIN), position);
  }

  private ListView view(Membership membership) {
    return view(
        membership.list(), membership.role().wireName(), OptionalLong.of(membership.position()));
  }

  private ListView view(TodoList list, String role, OptionalLong position) {
    var owner = users.findById(list.owner()).orElseThrow();
    return new ListView(list, owner, role, position);
  }

  private static ListName requiredName(Field<String> name) {
    return switch (name) {
      case Field.Value<String> value -> ListName.of(value.value());
      default -> throw ValidationException.of("name", "is required");
    };
  }

  private static Optional<ListName> newName(Field<String> name) {
    return switch (name) {
      case Field.Absent<String> absent -> Optional.empty();
      case Field.Null<String> none -> throw ValidationException.of("name", "must not be null");
      case Field.Value<String> value -> Optional.of(ListName.of(value.value()));
    };
  }

  private static Optional<Long> position(Field<Long> position) {
    return switch (position) {
      case Field.Absent<Long> absent -> Optional.empty();
      case Field.Null<Long> none -> throw ValidationException.of("position", "must not be null");
      case Field.Value<Long> value -> {
        if (value.value() < -TodoEdit.MAX_POSITION || value.value() > TodoEdit.MAX_POSITION) {
          throw ValidationException.of("position", "is out of range");
        }
        yield Optional.of(value.value());
      }
    };
  }

  private static <T> T collect(ValidationException.Collector errors, Supplier<T> check) {
    try {
      return check.get();
    } catch (ValidationException e) {
      errors.addAll(e);
      return null;
    }
  }
}

package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.error.ConflictException;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.error.PreconditionFailedException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.ListView;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ListsUseCase.PatchListCommand;
import dev.todo.domain.testing.InMemoryBlobStorage;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.VersionPrecondition;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(T0);
  private final ListService service =
      new ListService(
          database.lists,
          database.users,
          new DefaultLists(database.lists, database.users, clock),
          database.transactions,
          clock,
          new AttachmentCleanup(database.attachments, new InMemoryBlobStorage()),
          TestActivity.of(database, clock));

  private final Caller alice =
      new Caller("alice", Optional.of("alice@example.com"), Optional.of("Alice"), Set.of());
  private final Caller bob = Caller.of("bob");
  private final Caller admin = Caller.of("root", Caller.ADMIN);

  private static final InputSource<ListInput> MUST_NOT_BE_READ =
      () -> {
        throw new AssertionError("the input was read before the checks that precede it");
      };

  private static InputSource<ListInput> named(String name) {
    return InputSource.of(new ListInput(Field.of(name), Field.absent()));
  }

  private static InputSource<ListInput> at(long position) {
    return InputSource.of(new ListInput(Field.absent(), Field.of(position)));
  }

  private ListView create(Caller caller, String name) {
    return service.create(caller, named(name));
  }

  private void share(ListView list, Caller with, ListRole role) {
    database.transactions.write(
        () -> {
          database.users.register(with, T0);
          database.lists.addMember(list.list().id(), with.subject(), role, T0);
          return null;
        });
  }

  private PatchListCommand patch(Caller caller, ListView list, InputSource<ListInput> input) {
    return new PatchListCommand(
        caller, list.list().id().toString(), VersionPrecondition.none(), input);
  }

  @Test
  void createsAListLastInTheCallersOrderWithTheCallerAsOwner() {
    var first = create(alice, "  Groceries ");
    var second = create(alice, "Work");

    assertThat(first.list().name().value()).isEqualTo("Groceries");
    assertThat(first.role()).isEqualTo("owner");
    assertThat(first.owner().name()).contains("Alice");
    assertThat(first.position()).hasValue(1);
    assertThat(second.position()).hasValue(2);
    assertThat(first.list().isDefault()).isFalse();
    assertThat(first.list().memberCount()).isEqualTo(1);
  }

  @Test
  void aNameIsRequiredAndTheFieldsAreCheckedTogether() {
    assertThatThrownBy(
            () ->
                service.create(
                    alice, InputSource.of(new ListInput(Field.of(" "), Field.nullValue()))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.details()).containsOnlyKeys("name", "position"));
    assertThatThrownBy(
            () ->
                service.create(
                    alice, InputSource.of(new ListInput(Field.absent(), Field.absent()))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> service.create(alice, at(Long.MIN_VALUE)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aReadOnlyCallerCannotCreateAndTheirInputIsNotRead() {
    assertThatThrownBy(() -> service.create(Caller.of("r", Caller.READONLY), MUST_NOT_BE_READ))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void theDefaultListIsThereFromTheFirstLookAndOnlyOnce() {
    var lists = service.list(alice, Optional.empty());
    var again = service.list(alice, Optional.empty());

    assertThat(lists)
        .singleElement()
        .satisfies(
            inbox -> {
              assertThat(inbox.list().name().value()).isEqualTo("Inbox");
              assertThat(inbox.list().isDefault()).isTrue();
              assertThat(inbox.role()).isEqualTo("owner");
            });
    assertThat(again).isEqualTo(lists);
  }

  @Test
  void aSharedListJoinsTheMembersListsLastWithTheirRole() {
    service.list(bob, Optional.empty());
    var groceries = create(alice, "Groceries");
    share(groceries, bob, ListRole.EDITOR);

    var bobs = service.list(bob, Optional.empty());

    assertThat(bobs).extracting(v -> v.list().name().value()).containsExactly("Inbox", "Groceries");
    assertThat(bobs.get(1).role()).isEqualTo("editor");
    assertThat(bobs.get(1).owner().id()).isEqualTo("alice");
  }

  @Test
  void onlyAnAdminMayListAnotherUsersLists() {
    create(alice, "Groceries");

    assertThatThrownBy(() -> service.list(bob, Optional.of("alice")))
        .isInstanceOf(ForbiddenException.class);
    assertThat(service.list(admin, Optional.of("alice")))
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.role()).isEqualTo("admin");
              assertThat(view.position()).isEmpty();
            });
    assertThat(service.list(alice, Optional.of("alice"))).hasSize(2);
  }

  @Test
  void aListIsNotFoundForNonMembersAndForMalformedIds() {
    var groceries = create(alice, "Groceries");
    String id = groceries.list().id().toString();

    assertThatThrownBy(() -> service.get(bob, id)).isInstanceOf(ListNotFoundException.class);
    assertThatThrownBy(() -> service.get(alice, "nope")).isInstanceOf(ListNotFoundException.class);
    assertThat(service.get(admin, id).role()).isEqualTo("admin");
    share(groceries, bob, ListRole.VIEWER);
    assertThat(service.get(bob, id).role()).isEqualTo("viewer");
  }

  @Test
  void aRemovedMemberLosesAccessAtOnce() {
    var groceries = create(alice, "Groceries");
    share(groceries, bob, ListRole.EDITOR);
    String id = groceries.list().id().toString();
    service.get(bob, id);

    database.transactions.write(() -> database.lists.removeMember(groceries.list().id(), "bob"));

    assertThatThrownBy(() -> service.get(bob, id)).isInstanceOf(ListNotFoundException.class);
  }

  @Test
  void theOwnerRenamesAndTheVersionMoves() {
    var groceries = create(alice, "Groceries");
    clock.advance(Duration.ofMinutes(1));

    var renamed = service.patch(patch(alice, groceries, named("Food")));

    assertThat(renamed.list().name().value()).isEqualTo("Food");
    assertThat(renamed.list().version()).isEqualTo(2);
    assertThat(service.patch(patch(alice, renamed, named("Food"))).list().version()).isEqualTo(2);
  }

  @Test
  void onlyTheOwnerRenamesButEveryMemberPlacesTheListForThemself() {
    var groceries = create(alice, "Groceries");
    share(groceries, bob, ListRole.VIEWER);

    assertThatThrownBy(() -> service.patch(patch(bob, groceries, named("Mine"))))
        .isInstanceOf(ForbiddenException.class);
    var placed = service.patch(patch(bob, groceries, at(42)));

    assertThat(placed.position()).hasValue(42);
    assertThat(placed.list().version()).isEqualTo(1);
    assertThat(service.get(alice, groceries.list().id().toString()).position()).hasValue(1);
  }

  @Test
  void patchChecksExistenceRoleAndPreconditionBeforeTheBody() {
    var groceries = create(alice, "Groceries");
    String id = groceries.list().id().toString();

    assertThatThrownBy(
            () ->
                service.patch(
                    new PatchListCommand(bob, id, VersionPrecondition.none(), MUST_NOT_BE_READ)))
        .isInstanceOf(ListNotFoundException.class);
    assertThatThrownBy(
            () ->
                service.patch(
                    new PatchListCommand(
                        Caller.of("alice", Caller.READONLY),
                        id,
                        VersionPrecondition.none(),
                        MUST_NOT_BE_READ)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(
            () ->
                service.patch(
                    new PatchListCommand(
                        alice, id, VersionPrecondition.oneOf(Set.of(7L)), MUST_NOT_BE_READ)))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void theDefaultListCannotBeDeletedNorCanAnyoneButTheOwnerDeleteAList() {
    var inbox = service.list(alice, Optional.empty()).getFirst();
    var groceries = create(alice, "Groceries");
    share(groceries, bob, ListRole.EDITOR);
    String id = groceries.list().id().toString();

    assertThatThrownBy(
            () -> service.delete(alice, inbox.list().id().toString(), VersionPrecondition.none()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> service.delete(bob, id, VersionPrecondition.none()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> service.delete(alice, id, VersionPrecondition.oneOf(Set.of(2L))))
        .isInstanceOf(PreconditionFailedException.class);

    service.delete(alice, id, VersionPrecondition.none());

    assertThatThrownBy(() -> service.get(alice, id)).isInstanceOf(ListNotFoundException.class);
    assertThat(service.list(bob, Optional.empty()))
        .extracting(v -> v.list().name().value())
        .containsExactly("Inbox");
  }
}

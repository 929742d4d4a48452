package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.AuditEvent;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.InviteNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.ListView;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.SharingUseCase.InviteInput;
import dev.todo.domain.testing.InMemoryBlobStorage;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasing an account, over the fakes: what goes, what stays without the name, what is refused. */
class AccountErasureServiceTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  private final UseCases useCases = TestUseCases.over(database, clock, blobs);
  private final UseCaseWorld world = new UseCaseWorld(database, useCases);

  private final Caller alice = Caller.of("alice");
  private String alicesList;
  private String bobsList;
  private String inBobsList;
  private String doneInBobsList;
  private String trashedInBobsList;
  private String bobsOwn;
  private String inviteToken;

  @BeforeEach
  void aliceOwnsAListSharedWithBobAndEditsOneOfBobs() {
    world.know("alice", "alice@example.com");
    world.know("bob", "bob@example.com");
    alicesList = world.createList("alice", "Alice's");
    world.addMember("alice", alicesList, "bob", "editor");
    String alicesTodo = world.createTodo("alice", alicesList, "Alice's to-do");
    world.attach("alice", alicesTodo);
    world.attach("bob", alicesTodo);
    world.addStep("alice", alicesTodo, "A step");
    inviteToken =
        useCases
            .sharing()
            .createInvite(
                alice,
                alicesList,
                InputSource.of(new InviteInput(Field.of("viewer"), Field.absent())))
            .token()
            .value();

    bobsList = world.createList("bob", "Bob's");
    world.addMember("bob", bobsList, "alice", "editor");
    inBobsList = world.createTodo("alice", bobsList, "By Alice in Bob's list");
    doneInBobsList = create(Caller.of("bob"), bobsList, "Done by Alice", false);
    completeAs(alice, doneInBobsList);
    trashedInBobsList = world.createTodo("bob", bobsList, "Trashed by Alice");
    world.trash("alice", trashedInBobsList);
    bobsOwn = world.createTodo("bob", bobsList, "Bob's own");
    world.attach("bob", bobsOwn);
  }

  @Test
  void erasesTheOwnedListsWithTheirObjectsAndForgetsTheUserElsewhere() {
    assertThat(blobs.names()).hasSize(3);

    useCases.eraseAccount().erase(alice, Optional.of("alice"));

    assertThat(database.lists.findById(ListId.parse(alicesList).orElseThrow())).isEmpty();
    assertThat(database.lists.membershipsOf("alice")).isEmpty();
    assertThat(database.users.findById("alice")).isEmpty();
    assertThat(blobs.names()).hasSize(1);
    assertThat(database.attachments.findByTodo(todo(bobsOwn))).hasSize(1);

    TodoList bobs = database.lists.findById(ListId.parse(bobsList).orElseThrow()).orElseThrow();
    assertThat(bobs.memberCount()).isEqualTo(1);
    assertThat(bobs.todoCount()).isEqualTo(3);
    assertThat(bobs.activeCount()).isEqualTo(2);
    Todo byAlice = database.todos.findById(todo(inBobsList)).orElseThrow();
    assertThat(byAlice.createdBy()).isEmpty();
    assertThat(byAlice.title().value()).isEqualTo("By Alice in Bob's list");
    Todo done = database.todos.findById(todo(doneInBobsList)).orElseThrow();
    assertThat(done.createdBy()).contains("bob");
    assertThat(done.completedBy()).isEmpty();
    assertThat(done.completed()).isTrue();
    var trashed = database.trash.findById(todo(trashedInBobsList)).orElseThrow();
    assertThat(trashed.deletedBy()).isEmpty();
    assertThat(database.todos.findById(todo(bobsOwn)).orElseThrow().createdBy()).contains("bob");
  }

  @Test
  void auditEventsStayByNobodyAndOneUserErasedEventNamesNoOne() {
    long before = database.audit.all().size();

    useCases.eraseAccount().erase(alice, Optional.of("alice"));

    List<AuditEvent> events = database.audit.all();
    assertThat(events).hasSize((int) before + 1);
    assertThat(events).noneMatch(e -> e.actor().filter("alice"::equals).isPresent());
    assertThat(events)
        .as("no event names her as the member it is about either")
        .noneMatch(e -> e.changes().fields().values().stream().anyMatch(v -> v.contains("alice")));
    assertThat(events).anyMatch(e -> e.action() == AuditAction.MEMBER_ADDED);
    assertThat(events).filteredOn(e -> e.actor().isEmpty()).hasSizeGreaterThan(1);
    AuditEvent erased = events.getLast();
    assertThat(erased.action()).isEqualTo(AuditAction.USER_ERASED);
    assertThat(erased.actor()).isEmpty();
    assertThat(erased.listId()).isEmpty();
    assertThat(erased.todoId()).isEmpty();
    assertThat(erased.changes().fields()).isEmpty();
  }

  @Test
  void theInvitesOfTheErasedListsOpenNothing() {
    useCases.eraseAccount().erase(alice, Optional.of("alice"));

    assertThatThrownBy(() -> useCases.sharing().previewInvite(Caller.of("carol"), inviteToken))
        .isInstanceOf(InviteNotFoundException.class);
  }

  @Test
  void withoutTheCallersOwnIdNothingChanges() {
    var audit = database.audit.all();
    var blobNames = blobs.names();

    for (Optional<String> confirm :
        List.of(
            Optional.<String>empty(), Optional.of("bob"), Optional.of(""), Optional.of("ALICE"))) {
      assertThatThrownBy(() -> useCases.eraseAccount().erase(alice, confirm))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).details()).containsKey("confirm"));
    }

    assertThat(database.audit.all()).isEqualTo(audit);
    assertThat(blobs.names()).isEqualTo(blobNames);
    assertThat(database.users.findById("alice")).isPresent();
    assertThat(database.lists.roleOf(ListId.parse(bobsList).orElseThrow(), "alice"))
        .contains(ListRole.EDITOR);
  }

  @Test
  void aReadonlyCallerIsRefusedBeforeTheConfirmationIsLookedAt() {
    var readonly = Caller.of("alice", Caller.READONLY);

    assertThatThrownBy(() -> useCases.eraseAccount().erase(readonly, Optional.of("alice")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> useCases.eraseAccount().erase(readonly, Optional.empty()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(database.users.findById("alice")).isPresent();
  }

  @Test
  void theNextRequestStartsANewEmptyAccount() {
    useCases.eraseAccount().erase(alice, Optional.of("alice"));

    useCases.recogniseUser().recognise(alice);
    List<ListView> lists = useCases.lists().list(alice, Optional.empty());

    assertThat(lists)
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.list().isDefault()).isTrue();
              assertThat(view.list().todoCount()).isZero();
              assertThat(view.list().memberCount()).isEqualTo(1);
            });
    assertThat(database.users.findById("alice")).isPresent();
  }

  @Test
  void anAccountWithNothingInItIsErasedToo() {
    var carol = Caller.of("carol");
    useCases.recogniseUser().recognise(carol);

    useCases.eraseAccount().erase(carol, Optional.of("carol"));

    assertThat(database.users.findById("carol")).isEmpty();
  }

  private String create(Caller caller, String list, String title, boolean completed) {
    return useCases
        .createTodo()
        .create(
            new CreateTodoCommand(
                caller,
                InputSource.of(
                    TodoInput.empty()
                        .withTitle(Field.of(title))
                        .withListId(Field.of(list))
                        .withCompleted(Field.of(completed)))))
        .id()
        .toString();
  }

  private void completeAs(Caller caller, String id) {
    database.transactions.write(
        () -> {
          Todo todo = database.todos.findById(todo(id)).orElseThrow();
          database.todos.update(todo, todo.withCompleted(true, clock.instant(), caller.subject()));
          return null;
        });
  }

  private static TodoId todo(String id) {
    return TodoId.parse(id).orElseThrow();
  }
}

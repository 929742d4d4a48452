package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.port.in.ActivityUseCase.PageOfEvents;
import dev.todo.domain.port.in.BulkEditTodosUseCase.DeleteTodosCommand;
import dev.todo.domain.port.in.BulkEditTodosUseCase.SetCompletedCommand;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ListsUseCase.PatchListCommand;
import dev.todo.domain.port.in.ReadTodosUseCase.GetTodoQuery;
import dev.todo.domain.port.in.ReadTodosUseCase.ListTodosQuery;
import dev.todo.domain.port.in.ReadTodosUseCase.TodoStatsQuery;
import dev.todo.domain.port.in.SharingUseCase.InviteInput;
import dev.todo.domain.port.in.SharingUseCase.MemberInput;
import dev.todo.domain.port.in.StepsUseCase.AddStepCommand;
import dev.todo.domain.port.in.StepsUseCase.PatchStepCommand;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.step.StepInput;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.testing.PermissionMatrix;
import dev.todo.domain.testing.PermissionMatrix.Cell;
import dev.todo.domain.testing.PermissionMatrixState;
import dev.todo.domain.testing.PermissionMatrixState.Ids;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.PageRequest;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission matrix ({@link PermissionMatrix}) at the application level: each operation is the
 * use case the REST adapter calls for it, on {@link UseCases} over the in-memory fakes, and each
 * answer the domain exception that the adapter turns into that status and code.
 */
class PermissionMatrixTest {

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(T0);
  private final UseCases useCases = TestUseCases.over(database, clock);
  private final UseCaseWorld world = new UseCaseWorld(database, useCases);

  static Stream<Cell> cells() {
    return PermissionMatrix.cells();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void answersAsTheContractSays(Cell cell) {
    PermissionMatrixState.knowEveryone(world);
    Ids ids = PermissionMatrixState.build(world);
    Caller caller = Caller.of(cell.who().subject, cell.who().roles.toArray(String[]::new));

    if (cell.answer().succeeds()) {
      run(cell, caller, ids);
    } else {
      assertThatThrownBy(() -> run(cell, caller, ids))
          .as(cell.answer().toString())
          .isExactlyInstanceOf(cell.answer().exception());
    }
  }

  /** The use case behind the operation, as the REST adapter calls it. */
  private void run(Cell cell, Caller caller, Ids ids) {
    String list = ids.list();
    TodoId todo = TodoId.parse(ids.todo()).orElseThrow();
    Object result =
        switch (cell.operation()) {
          case READ_LIST -> useCases.lists().get(caller, list);
          case RENAME_LIST ->
              useCases.lists().patch(patchList(caller, list, Field.of("Food"), Field.absent()));
          case PLACE_LIST_FOR_ONESELF ->
              useCases.lists().patch(patchList(caller, list, Field.absent(), Field.of(5L)));
          case DELETE_LIST -> {
            useCases.lists().delete(caller, list, VersionPrecondition.none());
            yield null;
          }
          case READ_MEMBERS -> useCases.sharing().members(caller, list);
          case ADD_MEMBER_BY_EMAIL ->
              useCases
                  .sharing()
                  .addByEmail(
                      caller,
                      list,
                      InputSource.of(
                          new MemberInput(Field.of("dave@example.com"), Field.of("viewer"))));
          case CHANGE_A_ROLE -> useCases.sharing().putMember(caller, list, "carol", role("editor"));
          case REMOVE_A_MEMBER -> {
            useCases.sharing().removeMember(caller, list, "carol");
            yield null;
          }
          case LEAVE -> {
            useCases.sharing().removeMember(caller, list, caller.subject());
            yield null;
          }
          case MAKE_AN_INVITE ->
              useCases
                  .sharing()
                  .createInvite(
                      caller,
                      list,
                      InputSource.of(new InviteInput(Field.of("viewer"), Field.absent())));
          case READ_INVITES -> useCases.sharing().invites(caller, list);
          case READ_TODO -> useCases.readTodos().get(new GetTodoQuery(caller, todo));
          case LIST_TODOS -> useCases.readTodos().list(inList(caller, list));
          case STATS ->
              useCases
                  .readTodos()
                  .stats(
                      new TodoStatsQuery(
                          caller, Optional.of(list), Optional.empty(), ZoneOffset.UTC));
          case CREATE_IN_LIST ->
              useCases
                  .createTodo()
                  .create(
                      new CreateTodoCommand(
                          caller,
                          InputSource.of(
                              TodoInput.empty()
                                  .withTitle(Field.of("Eggs"))
                                  .withListId(Field.of(list)))));
          case REPLACE_TODO ->
              useCases
                  .updateTodo()
                  .replace(update(caller, todo, TodoInput.empty().withTitle(Field.of("Oat milk"))));
          case PATCH_TODO ->
              useCases
                  .updateTodo()
                  .mergePatch(
                      update(caller, todo, TodoInput.empty().withNotes(Field.of("2 litres"))));
          case COMPLETE_TODO ->
              useCases
                  .updateTodo()
                  .mergePatch(
                      update(caller, todo, TodoInput.empty().withCompleted(Field.of(true))));
          case DELETE_TODO -> {
            useCases
                .deleteTodo()
                .delete(new DeleteTodoCommand(caller, todo, VersionPrecondition.none()));
            yield null;
          }
          case MOVE_OUT_TO_ANOTHER_LIST ->
              useCases
                  .updateTodo()
                  .mergePatch(
                      update(
                          caller, todo, TodoInput.empty().withListId(Field.of(ids.elsewhere()))));
          case MOVE_IN_FROM_ANOTHER_LIST ->
              useCases
                  .updateTodo()
                  .mergePatch(
                      update(
                          caller,
                          TodoId.parse(ids.outside()).orElseThrow(),
                          TodoInput.empty().withListId(Field.of(list))));
          case BULK_COMPLETE ->
              useCases
                  .bulkEditTodos()
                  .setCompleted(
                      new SetCompletedCommand(
                          caller, Optional.of(list), StatusFilter.ALL, InputSource.of(true)));
          case BULK_DELETE ->
              useCases
                  .bulkEditTodos()
                  .deleteAll(new DeleteTodosCommand(caller, Optional.of(list), StatusFilter.ALL));
          case LIST_ATTACHMENTS -> useCases.attachments().list(caller, todo);
          case READ_ATTACHMENT -> useCases.attachments().get(caller, todo, ids.attachment());
          case DOWNLOAD_ATTACHMENT -> {
            try (var download =
                useCases.attachments().download(caller, todo, ids.attachment(), Optional.empty())) {
              yield new String(download.content().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          case UPLOAD_ATTACHMENT -> world.upload(caller, todo);
          case DELETE_ATTACHMENT -> {
            useCases.attachments().delete(caller, todo, ids.attachment());
            yield null;
          }
          case LIST_STEPS -> useCases.steps().list(caller, todo);
          case ADD_STEP ->
              useCases
                  .steps()
                  .add(new AddStepCommand(caller, todo, InputSource.of(StepInput.titled("Eggs"))));
          case CHANGE_STEP ->
              useCases
                  .steps()
                  .patch(
                      new PatchStepCommand(
                          caller,
                          todo,
                          ids.step(),
                          InputSource.of(
                              new StepInput(Field.absent(), Field.of(true), Field.absent()))));
          case DELETE_STEP -> {
            useCases.steps().delete(caller, todo, ids.step());
            yield null;
          }
          case LIST_TRASH ->
              useCases.trash().list(caller, Optional.of(list), new PageRequest(1, 20));
          case RESTORE_TODO -> useCases.trash().restore(caller, ids.trashed());
          case DELETE_FOR_GOOD -> {
            useCases.trash().deleteForGood(caller, ids.trashed());
            yield null;
          }
          case EMPTY_TRASH -> useCases.trash().empty(caller, Optional.of(list));
          case READ_ACTIVITY ->
              useCases
                  .activity()
                  .ofList(caller, list, new PageOfEvents(Optional.empty(), Optional.empty()));
        };
    if (cell.operation() == PermissionMatrix.Operation.DOWNLOAD_ATTACHMENT) {
      assertThat(result).isEqualTo(PermissionMatrix.UPLOADED_TEXT);
    }
  }

  private static PatchListCommand patchList(
      Caller caller, String list, Field<String> name, Field<Long> position) {
    return new PatchListCommand(
        caller, list, VersionPrecondition.none(), InputSource.of(new ListInput(name, position)));
  }

  static InputSource<MemberInput> role(String role) {
    return InputSource.of(new MemberInput(Field.absent(), Field.of(role)));
  }

  private static UpdateTodoCommand update(Caller caller, TodoId id, TodoInput input) {
    return new UpdateTodoCommand(caller, id, VersionPrecondition.none(), InputSource.of(input));
  }

  private static ListTodosQuery inList(Caller caller, String list) {
    var all = ListTodosQuery.firstPageOf(caller);
    return new ListTodosQuery(
        caller,
        Optional.of(list),
        all.owner(),
        all.status(),
        all.text(),
        all.priority(),
        all.dueBefore(),
        all.dueAfter(),
        all.due(),
        all.zone(),
        all.sort(),
        all.direction(),
        all.page());
  }

  /** The state built through the use cases, as clients would build it. */
}

package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.port.in.AttachmentsUseCase.IncomingFile;
import dev.todo.domain.port.in.AttachmentsUseCase.UploadCommand;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.StepsUseCase.AddStepCommand;
import dev.todo.domain.step.StepInput;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.PermissionMatrix;
import dev.todo.domain.testing.PermissionMatrixState;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** The permission matrix's state, built through the use cases. */
final class UseCaseWorld implements PermissionMatrixState.World {

  private final InMemoryDatabase database;
  private final UseCases useCases;

  UseCaseWorld(InMemoryDatabase database, UseCases useCases) {
    this.database = database;
    this.useCases = useCases;
  }

  @Override
  public void know(String subject, String email) {
    database.transactions.write(
        () -> {
          database.users.register(
              new Caller(subject, Optional.ofNullable(email), Optional.empty(), Set.of()), T0);
          return null;
        });
  }

  @Override
  public String createList(String owner, String name) {
    return useCases
        .lists()
        .create(Caller.of(owner), InputSource.of(new ListInput(Field.of(name), Field.absent())))
        .list()
        .id()
        .toString();
  }

  @Override
  public void addMember(String owner, String list, String user, String role) {
    useCases.sharing().putMember(Caller.of(owner), list, user, PermissionMatrixTest.role(role));
  }

  @Override
  public void removeMember(String owner, String list, String user) {
    useCases.sharing().removeMember(Caller.of(owner), list, user);
  }

  @Override
  public String createTodo(String user, String list, String title) {
    return useCases
        .createTodo()
        .create(
            new CreateTodoCommand(
                Caller.of(user),
                InputSource.of(
                    TodoInput.empty().withTitle(Field.of(title)).withListId(Field.of(list)))))
        .id()
        .toString();
  }

  @Override
  public String attach(String user, String todo) {
    return upload(Caller.of(user), TodoId.parse(todo).orElseThrow());
  }

  @Override
  public void trash(String user, String todo) {
    useCases
        .deleteTodo()
        .delete(
            new DeleteTodoCommand(
                Caller.of(user), TodoId.parse(todo).orElseThrow(), VersionPrecondition.none()));
  }

  @Override
  public String addStep(String user, String todo, String title) {
    return useCases
        .steps()
        .add(
            new AddStepCommand(
                Caller.of(user),
                TodoId.parse(todo).orElseThrow(),
                InputSource.of(StepInput.titled(title))))
        .id()
        .toString();
  }

  String upload(Caller caller, TodoId todo) {
    var file =
        new IncomingFile(
            PermissionMatrix.UPLOADED_NAME,
            Optional.of("text/plain"),
            new ByteArrayInputStream(
                PermissionMatrix.UPLOADED_TEXT.getBytes(StandardCharsets.UTF_8)));
    return useCases
        .attachments()
        .upload(new UploadCommand(caller, todo, InputSource.of(Optional.of(file))))
        .id()
        .toString();
  }
}

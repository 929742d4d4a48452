package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.attachment.AttachmentLimits;
import dev.todo.domain.error.AttachmentNotFoundException;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.PayloadTooLargeException;
import dev.todo.domain.error.ServiceUnavailableException;
import dev.todo.domain.error.TodoNotFoundException;
import dev.todo.domain.error.ValidationException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.AttachmentsUseCase.ByteRange;
import dev.todo.domain.port.in.AttachmentsUseCase.IncomingFile;
import dev.todo.domain.port.in.AttachmentsUseCase.UploadCommand;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.BulkEditTodosUseCase.DeleteTodosCommand;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase.DeleteTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.UpdateTodoUseCase.UpdateTodoCommand;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.testing.InMemoryAttachmentRepository;
import dev.todo.domain.testing.InMemoryBlobStorage;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.InMemoryTodoRepository;
import dev.todo.domain.testing.InMemoryTransactions;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import dev.todo.domain.todo.VersionPrecondition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AttachmentServiceTest {

  private static final int MAX_BYTES = 1_000;
  private static final int MAX_PER_TODO = 3;

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final InMemoryTodoRepository todos = database.todos;
  private final InMemoryAttachmentRepository attachments = database.attachments;
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage();
  private final InMemoryTransactions transactions = database.transactions;
  private final MutableClock clock = new MutableClock(T0);
  private final AttachmentCleanup cleanup = new AttachmentCleanup(attachments, blobs);
  private final TodoService todoService =
      new TodoService(
          todos,
          database.trash,
          database.lists,
          new DefaultLists(database.lists, database.users, clock),
          transactions,
          clock,
          TestActivity.of(database, clock));
  private final AttachmentService service =
      new AttachmentService(
          todos,
          database.lists,
          attachments,
          blobs,
          transactions,
          clock,
          new AttachmentLimits(MAX_BYTES, MAX_PER_TODO),
          cleanup,
          new UploadsInFlight(),
          TestActivity.of(database, clock));

  private final Caller alice = Caller.of("alice");
  private final Caller bob = Caller.of("bob");

  private static final InputSource<Optional<IncomingFile>> MUST_NOT_BE_READ =
      () -> {
        throw new AssertionError("the file was read before the checks that precede it");
      };

  private Todo todo(Caller owner) {
    return todoService.create(
        new CreateTodoCommand(
            owner, InputSource.of(TodoInput.empty().withTitle(Field.of("with files")))));
  }

  private static InputSource<Optional<IncomingFile>> file(String name, String type, byte[] bytes) {
    return InputSource.of(
        Optional.of(
            new IncomingFile(name, Optional.ofNullable(type), new ByteArrayInputStream(bytes))));
  }

  private Attachment upload(Caller caller, Todo todo, byte[] bytes) {
    return service.upload(new UploadCommand(caller, todo.id(), file("a.bin", null, bytes)));
  }

  private static byte[] bytes(int size) {
    var bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 7);
    }
    return bytes;
  }

  private int countOf(Todo todo) {
    return todos.findById(todo.id()).orElseThrow().attachmentCount();
  }

  @Test
  void uploadStoresTheObjectThenTheRowWithSizeAndSha256() throws Exception {
    var todo = todo(alice);
    byte[] content = bytes(777);

    var attachment =
        service.upload(
            new UploadCommand(
                alice,
                todo.id(),
                file("C:\\Users\\me\\re\u0007çu.pdf", "application/pdf", content)));

    assertThat(attachment.filename()).isEqualTo("reçu.pdf");
    assertThat(attachment.contentType()).isEqualTo("application/pdf");
    assertThat(attachment.sizeBytes()).isEqualTo(777);
    assertThat(attachment.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(attachment.createdAt()).isEqualTo(T0);
    assertThat(blobs.names()).containsExactly("todos/" + todo.id() + "/" + attachment.id());
    assertThat(service.list(alice, todo.id())).containsExactly(attachment);
    assertThat(countOf(todo)).isEqualTo(1);
    assertThat(todos.findById(todo.id()).orElseThrow().version()).isEqualTo(todo.version());
  }

  @Test
  void aPartWithoutContentTypeIsStoredAsOctetStream() {
    var attachment = upload(alice, todo(alice), bytes(3));

    assertThat(attachment.contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void exactlyTheLimitIsAcceptedAndAnEmptyFileToo() {
    var todo = todo(alice);

    assertThat(upload(alice, todo, bytes(MAX_BYTES)).sizeBytes()).isEqualTo(MAX_BYTES);
    assertThat(upload(alice, todo, new byte[0]).sizeBytes()).isZero();
  }

  @Test
  void oneByteOverTheLimitIsTooLargeAndLeavesNeitherObjectNorRow() {
    var todo = todo(alice);

    assertThatThrownBy(() -> upload(alice, todo, bytes(MAX_BYTES + 1)))
        .isInstanceOf(PayloadTooLargeException.class);

    assertThat(blobs.names()).isEmpty();
    assertThat(service.list(alice, todo.id())).isEmpty();
    assertThat(countOf(todo)).isZero();
  }

  @Test
  void theUploadStopsReadingAtTheLimit() {
    var todo = todo(alice);
    var endless =
        new InputStream() {
          long served;

          @Override
          public int read() {
            served++;
            return 1;
          }
        };

    assertThatThrownBy(
            () ->
                service.upload(
                    new UploadCommand(
                        alice,
                        todo.id(),
                        InputSource.of(
                            Optional.of(new IncomingFile("x", Optional.empty(), endless))))))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(endless.served).isLessThanOrEqualTo(MAX_BYTES + 8192L);
  }

  @Test
  void oneMoreThanTheMaximumPerTodoIsRefusedBeforeReadingTheFile() {
    var todo = todo(alice);
    for (int i = 0; i < MAX_PER_TODO; i++) {
      upload(alice, todo, bytes(1));
    }

    assertThatThrownBy(() -> service.upload(new UploadCommand(alice, todo.id(), MUST_NOT_BE_READ)))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).details()).containsKey("file"));
    assertThat(blobs.names()).hasSize(MAX_PER_TODO);
    assertThat(countOf(todo)).isEqualTo(MAX_PER_TODO);
  }

  @Test
  void aMissingFileIsAValidationErrorAfterTheTodoAndRoleChecks() {
    var todo = todo(alice);
    InputSource<Optional<IncomingFile>> none = () -> Optional.empty();

    assertThatThrownBy(() -> service.upload(new UploadCommand(bob, todo.id(), MUST_NOT_BE_READ)))
        .isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(
            () ->
                service.upload(
                    new UploadCommand(Caller.of("alice", "readonly"), todo.id(), MUST_NOT_BE_READ)))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> service.upload(new UploadCommand(alice, todo.id(), none)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aStoreFailingMidUploadIsUnavailableAndLeavesNothing() {
    var todo = todo(alice);
    blobs.failWritesAfter(100);

    assertThatThrownBy(() -> upload(alice, todo, bytes(500)))
        .isInstanceOf(ServiceUnavailableException.class)
        .satisfies(e -> assertThat(((ServiceUnavailableException) e).retryAfter()).isPositive());

    assertThat(blobs.names()).isEmpty();
    assertThat(service.list(alice, todo.id())).isEmpty();
  }

  @Test
  void whenTheRowCannotBeWrittenTheObjectIsRemoved() {
    var todo = todo(alice);
    InputSource<Optional<IncomingFile>> deletesTheTodoWhileUploading =
        () -> {
          todoService.delete(new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.none()));
          return Optional.of(
              new IncomingFile("a", Optional.empty(), new ByteArrayInputStream(bytes(10))));
        };

    assertThatThrownBy(
            () -> service.upload(new UploadCommand(alice, todo.id(), deletesTheTodoWhileUploading)))
        .isInstanceOf(TodoNotFoundException.class);
    assertThat(blobs.names()).isEmpty();
  }

  @Test
  void anotherUsersTodoIsNotFoundAndAnAdminSeesIt() {
    var todo = todo(alice);
    var attachment = upload(alice, todo, bytes(5));

    assertThatThrownBy(() -> service.list(bob, todo.id()))
        .isInstanceOf(TodoNotFoundException.class);
    assertThatThrownBy(() -> service.get(bob, todo.id(), attachment.id().toString()))
        .isInstanceOf(TodoNotFoundException.class);
    assertThat(service.get(Caller.of("root", "admin"), todo.id(), attachment.id().toString()))
        .isEqualTo(attachment);
  }

  @Test
  void anAttachmentOfAnotherTodoOrAMalformedIdIsAttachmentNotFound() {
    var todo = todo(alice);
    var other = todo(alice);
    var attachment = upload(alice, other, bytes(5));

    assertThatThrownBy(() -> service.get(alice, todo.id(), attachment.id().toString()))
        .isInstanceOf(AttachmentNotFoundException.class);
    assertThatThrownBy(() -> service.get(alice, todo.id(), "not-an-id"))
        .isInstanceOf(AttachmentNotFoundException.class);
    assertThatThrownBy(() -> service.delete(alice, todo.id(), attachment.id().toString()))
        .isInstanceOf(AttachmentNotFoundException.class);
  }

  @Test
  void downloadsTheWholeFileOrOneRange() throws IOException {
    var todo = todo(alice);
    byte[] content = bytes(100);
    var id = upload(alice, todo, content).id().toString();

    try (var whole = service.download(alice, todo.id(), id, Optional.empty())) {
      assertThat(whole.partial()).isFalse();
      assertThat(whole.length()).isEqualTo(100);
      assertThat(whole.content().readAllBytes()).isEqualTo(content);
    }
    try (var middle =
        service.download(
            alice, todo.id(), id, Optional.of(new ByteRange(Optional.of(10L), Optional.of(19L))))) {
      assertThat(middle.partial()).isTrue();
      assertThat(middle.offset()).isEqualTo(10);
      assertThat(middle.length()).isEqualTo(10);
      assertThat(middle.content().readAllBytes())
          .isEqualTo(java.util.Arrays.copyOfRange(content, 10, 20));
    }
  }

  @Test
  void resolvesRangesAgainstTheSize() {
    assertThat(span(Optional.of(0L), Optional.empty(), 10)).containsExactly(0, 9);
    assertThat(span(Optional.of(5L), Optional.of(100L), 10)).containsExactly(5, 9);
    assertThat(span(Optional.empty(), Optional.of(3L), 10)).containsExactly(7, 9);
    assertThat(span(Optional.empty(), Optional.of(30L), 10)).containsExactly(0, 9);
    assertThat(AttachmentService.satisfiable(range(Optional.of(10L), Optional.empty()), 10))
        .isEmpty();
    assertThat(AttachmentService.satisfiable(range(Optional.of(5L), Optional.of(4L)), 10))
        .isEmpty();
    assertThat(AttachmentService.satisfiable(range(Optional.empty(), Optional.of(0L)), 10))
        .isEmpty();
    assertThat(AttachmentService.satisfiable(range(Optional.of(0L), Optional.empty()), 0))
        .isEmpty();
  }

  private static ByteRange range(Optional<Long> first, Optional<Long> last) {
    return new ByteRange(first, last);
  }

  private static long[] span(Optional<Long> first, Optional<Long> last, long size) {
    return AttachmentService.satisfiable(range(first, last), size).orElseThrow();
  }

  @Test
  void deletingRemovesTheRowThenTheObject() {
    var todo = todo(alice);
    var attachment = upload(alice, todo, bytes(5));

    assertThatThrownBy(
            () ->
                service.delete(
                    Caller.of("alice", "readonly"), todo.id(), attachment.id().toString()))
        .isInstanceOf(ForbiddenException.class);
    service.delete(alice, todo.id(), attachment.id().toString());

    assertThat(service.list(alice, todo.id())).isEmpty();
    assertThat(blobs.names()).isEmpty();
    assertThat(countOf(todo)).isZero();
  }

  @Test
  void aStoreThatCannotDeleteStillLosesTheRow() {
    var todo = todo(alice);
    var attachment = upload(alice, todo, bytes(5));
    blobs.goDown();

    service.delete(alice, todo.id(), attachment.id().toString());

    assertThat(service.list(alice, todo.id())).isEmpty();
  }

  @Test
  void aTrashedTodoKeepsItsObjectsUntilDeletedForGood() {
    DeleteTodoUseCase delete = todoService;
    var todo = todo(alice);
    var kept = todo(alice);
    var first = upload(alice, todo, bytes(5));
    var second = upload(alice, todo, bytes(6));
    var other = upload(alice, kept, bytes(7));

    delete.delete(new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.none()));
    assertThat(blobs.names())
        .containsExactlyInAnyOrder(first.objectName(), second.objectName(), other.objectName());

    trash(transactions).deleteForGood(alice, todo.id().toString());
    assertThat(blobs.names()).containsExactly(other.objectName());
  }

  @Test
  void theObjectsOfATodoDeletedForGoodAreRemovedOnlyOnceItsWriteHasCommitted() {
    var todo = todo(alice);
    var file = upload(alice, todo, bytes(5));
    todoService.delete(new DeleteTodoCommand(alice, todo.id(), VersionPrecondition.none()));
    var objectsAtCommit = new ArrayList<List<String>>();
    Transactions committing =
        new Transactions() {
          @Override
          public <T> T write(Supplier<T> work) {
            T result = transactions.write(work);
            objectsAtCommit.add(List.copyOf(blobs.names()));
            return result;
          }

          @Override
          public <T> T read(Supplier<T> work) {
            return transactions.read(work);
          }
        };

    trash(committing).deleteForGood(alice, todo.id().toString());

    assertThat(objectsAtCommit).containsExactly(List.of(file.objectName()));
    assertThat(blobs.names()).isEmpty();
  }

  @Test
  void clearingCompletedKeepsTheObjectsInTheTrashUntilItIsEmptied() {
    BulkEditTodosUseCase bulk =
        new BulkTodoService(
            todos, database.lists, transactions, clock, TestActivity.of(database, clock));
    var active = todo(alice);
    var done = todo(alice);
    todoService.mergePatch(
        new UpdateTodoCommand(
            alice,
            done.id(),
            VersionPrecondition.none(),
            InputSource.of(TodoInput.empty().withCompleted(Field.of(true)))));
    var activeFile = upload(alice, active, bytes(5));
    var doneFile = upload(alice, done, bytes(5));
    var bobsFile = upload(bob, todo(bob), bytes(5));

    assertThat(
            bulk.deleteAll(new DeleteTodosCommand(alice, Optional.empty(), StatusFilter.COMPLETED)))
        .isEqualTo(1);
    assertThat(blobs.names())
        .containsExactlyInAnyOrder(
            activeFile.objectName(), doneFile.objectName(), bobsFile.objectName());

    assertThat(trash(transactions).empty(alice, Optional.empty())).isEqualTo(1);
    assertThat(blobs.names())
        .containsExactlyInAnyOrder(activeFile.objectName(), bobsFile.objectName());
  }

  private TrashService trash(Transactions using) {
    return new TrashService(
        todos,
        database.trash,
        database.lists,
        using,
        clock,
        TestActivity.of(database, clock),
        cleanup,
        database.audit,
        database.sync,
        new TrashService.Retention(Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(30)));
  }

  @Test
  void unknownTodoIsNotFound() {
    assertThatThrownBy(() -> service.list(alice, TodoId.random()))
        .isInstanceOf(TodoNotFoundException.class);
  }
}

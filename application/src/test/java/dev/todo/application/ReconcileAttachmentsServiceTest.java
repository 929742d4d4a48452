package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.attachment.AttachmentLimits;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.AttachmentsUseCase.IncomingFile;
import dev.todo.domain.port.in.AttachmentsUseCase.UploadCommand;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.testing.InMemoryAttachmentRepository;
import dev.todo.domain.testing.InMemoryBlobStorage;
import dev.todo.domain.testing.InMemoryDatabase;
import dev.todo.domain.testing.InMemoryTodoRepository;
import dev.todo.domain.testing.InMemoryTransactions;
import dev.todo.domain.testing.MutableClock;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoInput;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReconcileAttachmentsServiceTest {

  private static final Duration GRACE = Duration.ofHours(1);

  private final InMemoryDatabase database = new InMemoryDatabase();
  private final InMemoryTodoRepository todos = database.todos;
  private final InMemoryAttachmentRepository attachments = database.attachments;
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryBlobStorage blobs = new InMemoryBlobStorage(clock);
  private final InMemoryTransactions transactions = database.transactions;
  private final AttachmentCleanup cleanup = new AttachmentCleanup(attachments, blobs);
  private final TodoService todoService =
      new TodoService(todos, database.users, transactions, clock, cleanup);
  private final ReconcileAttachmentsService reconcile =
      new ReconcileAttachmentsService(attachments, blobs, transactions, clock, GRACE);
  private final Caller alice = Caller.of("alice");

  /** Transactions whose writes die like a killed process: an Error no handler catches. */
  private final Transactions crashingOnWrite =
      new Transactions() {
        @Override
        public <T> T write(Supplier<T> work) {
          throw new Error("simulated crash before the row was written");
        }

        @Override
        public <T> T read(Supplier<T> work) {
          return transactions.read(work);
        }
      };

  private Todo todo() {
    return todoService.create(
        new CreateTodoCommand(
            alice, InputSource.of(TodoInput.empty().withTitle(Field.of("with files")))));
  }

  private UploadCommand upload(Todo todo) {
    return new UploadCommand(
        alice,
        todo.id(),
        InputSource.of(
            Optional.of(
                new IncomingFile(
                    "a.txt", Optional.empty(), new ByteArrayInputStream(new byte[] {1, 2})))));
  }

  private AttachmentService service(Transactions transactions) {
    return new AttachmentService(
        todos, attachments, blobs, transactions, clock, new AttachmentLimits(1_000, 20), cleanup);
  }

  @Test
  void removesTheObjectACrashLeftWithoutARowOnceItIsOlderThanTheGracePeriod() {
    var todo = todo();
    var kept = service(transactions).upload(upload(todo));
    assertThatThrownBy(() -> service(crashingOnWrite).upload(upload(todo)))
        .isInstanceOf(Error.class);
    assertThat(blobs.names()).hasSize(2);
    String orphan =
        blobs.names().stream().filter(n -> !n.equals(kept.objectName())).findFirst().orElseThrow();

    var early = reconcile.reconcileAtStartup();
    assertThat(early.removed()).isEmpty();
    assertThat(blobs.names()).hasSize(2);

    clock.advance(GRACE.plusSeconds(1));
    var report = reconcile.reconcileAtStartup();

    assertThat(report.examined()).isEqualTo(2);
    assertThat(report.removed()).containsExactly(orphan);
    assertThat(blobs.names()).containsExactly(kept.objectName());
    assertThat(attachments.findById(kept.id())).isPresent();
  }

  @Test
  void leavesObjectsThatAreNotAttachmentsAlone() {
    blobs.write("todos/not-an-id/x", new ByteArrayInputStream(new byte[] {1}));
    blobs.write("elsewhere/y", new ByteArrayInputStream(new byte[] {1}));
    clock.advance(GRACE.multipliedBy(2));

    assertThat(reconcile.reconcileAtStartup().removed()).isEmpty();
    assertThat(blobs.names()).hasSize(2);
  }

  @Test
  void onlyAnAdminMayAskAndMayChooseTheGracePeriod() {
    var todo = todo();
    assertThatThrownBy(() -> service(crashingOnWrite).upload(upload(todo)))
        .isInstanceOf(Error.class);

    assertThatThrownBy(() -> reconcile.reconcile(alice, Optional.of(Duration.ZERO)))
        .isInstanceOf(ForbiddenException.class);
    var report = reconcile.reconcile(Caller.of("root", "admin"), Optional.of(Duration.ZERO));

    assertThat(report.removed()).hasSize(1);
    assertThat(blobs.names()).isEmpty();
  }
}

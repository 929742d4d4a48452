package dev.todo.application;

import static dev.todo.domain.testing.TodoBuilder.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.todo.domain.attachment.Attachment;
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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
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
      new TodoService(
          todos,
          database.trash,
          database.lists,
          new DefaultLists(database.lists, database.users, clock),
          transactions,
          clock,
          TestActivity.of(database, clock));
  private final UploadsInFlight uploads = new UploadsInFlight();
  private final ReconcileAttachmentsService reconcile =
      new ReconcileAttachmentsService(
          attachments,
          blobs,
          transactions,
          clock,
          GRACE,
          uploads,
          TestActivity.of(database, clock));
  private final Caller alice = Caller.of("alice");
  private final Caller admin = Caller.of("root", "admin");
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

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
        todos,
        database.lists,
        attachments,
        blobs,
        transactions,
        clock,
        new AttachmentLimits(1_000, 1_000),
        cleanup,
        uploads,
        TestActivity.of(database, clock));
  }

  /** Transactions whose writes first run {@code before}: the upload's row insert waits there. */
  private Transactions writingAfter(Runnable before) {
    return new Transactions() {
      @Override
      public <T> T write(Supplier<T> work) {
        before.run();
        return transactions.write(work);
      }

      @Override
      public <T> T read(Supplier<T> work) {
        return transactions.read(work);
      }
    };
  }

  private byte[] content(Attachment attachment) throws IOException {
    try (var content = blobs.read(attachment.objectName())) {
      return content.stream().readAllBytes();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void neverRemovesTheObjectOfAnUploadWhoseRowIsNotWrittenYetWhateverTheGrace() throws Exception {
    var todo = todo();
    var objectWritten = new CountDownLatch(1);
    var mayWriteRow = new CountDownLatch(1);
    var uploading =
        threads.submit(
            () ->
                service(
                        writingAfter(
                            () -> {
                              objectWritten.countDown();
                              await(mayWriteRow);
                            }))
                    .upload(upload(todo)));
    await(objectWritten);
    assertThat(blobs.names()).hasSize(1);

    var report = reconcile.reconcile(admin, Optional.of(Duration.ZERO));
    mayWriteRow.countDown();
    var attachment = uploading.get(10, TimeUnit.SECONDS);

    assertThat(report.examined()).isEqualTo(1);
    assertThat(report.removed()).isEmpty();
    assertThat(content(attachment)).containsExactly(1, 2);
    assertThat(reconcile.reconcile(admin, Optional.of(Duration.ZERO)).removed()).isEmpty();
  }

  @Test
  void anUploadThatCommitsWhileTheRoutineReadsTheRowsKeepsItsObject() throws Exception {
    var todo = todo();
    var objectWritten = new CountDownLatch(1);
    var mayWriteRow = new CountDownLatch(1);
    var uploaded = new CountDownLatch(1);
    var uploading =
        threads.submit(
            () -> {
              try {
                return service(
                        writingAfter(
                            () -> {
                              objectWritten.countDown();
                              await(mayWriteRow);
                            }))
                    .upload(upload(todo));
              } finally {
                uploaded.countDown();
              }
            });
    await(objectWritten);
    // Whatever rows the routine reads, the upload commits (and finishes) right after they are read.
    var rowsReadThenUploadDone =
        new Transactions() {
          @Override
          public <T> T write(Supplier<T> work) {
            return transactions.write(work);
          }

          @Override
          public <T> T read(Supplier<T> work) {
            T result = transactions.read(work);
            mayWriteRow.countDown();
            await(uploaded);
            return result;
          }
        };
    var racing =
        new ReconcileAttachmentsService(
            attachments,
            blobs,
            rowsReadThenUploadDone,
            clock,
            GRACE,
            uploads,
            TestActivity.of(database, clock));

    var report = racing.reconcile(admin, Optional.of(Duration.ZERO));
    mayWriteRow.countDown();
    var attachment = uploading.get(10, TimeUnit.SECONDS);

    assertThat(report.removed()).isEmpty();
    assertThat(content(attachment)).containsExactly(1, 2);
  }

  @Test
  void asksTheStoreToRemoveWhatFailedWritesLeftWithTheSameGrace() {
    reconcile.reconcileAtStartup();
    reconcile.reconcile(admin, Optional.of(Duration.ofSeconds(5)));

    assertThat(blobs.sweeps()).containsExactly(GRACE, Duration.ofSeconds(5));
  }

  @Test
  void anUploadThatFailedAfterItsObjectIsNoLongerProtected() {
    var todo = todo();
    assertThatThrownBy(() -> service(crashingOnWrite).upload(upload(todo)))
        .isInstanceOf(Error.class);

    assertThat(reconcile.reconcile(admin, Optional.of(Duration.ZERO)).removed()).hasSize(1);
    assertThat(blobs.names()).isEmpty();
  }

  @Test
  void aReconcileLoopBesideUploadsNeverRemovesTheContentOfAnAcknowledgedUpload() throws Exception {
    var todo = todo();
    // Widens the window between object and row, as a queue of writes does in the real service.
    var service = service(writingAfter(() -> LockSupport.parkNanos(200_000)));
    var uploading = new AtomicBoolean(true);
    var reconciling =
        threads.submit(
            () -> {
              int runs = 0;
              while (uploading.get()) {
                reconcile.reconcile(admin, Optional.of(Duration.ZERO));
                runs++;
              }
              return runs;
            });
    var uploaders = new ArrayList<Future<List<Attachment>>>();
    for (int t = 0; t < 4; t++) {
      uploaders.add(
          threads.submit(
              () -> {
                var done = new ArrayList<Attachment>();
                for (int i = 0; i < 100; i++) {
                  done.add(service.upload(upload(todo)));
                }
                return done;
              }));
    }
    var acknowledged = new ArrayList<Attachment>();
    for (var uploader : uploaders) {
      acknowledged.addAll(uploader.get(60, TimeUnit.SECONDS));
    }
    uploading.set(false);
    int runs = reconciling.get(60, TimeUnit.SECONDS);

    assertThat(runs).isPositive();
    assertThat(acknowledged).hasSize(400);
    var lost =
        acknowledged.stream()
            .map(Attachment::objectName)
            .filter(name -> !blobs.names().contains(name))
            .toList();
    assertThat(lost).as("acknowledged uploads whose object is gone").isEmpty();
    for (var attachment : acknowledged) {
      assertThat(content(attachment)).containsExactly(1, 2);
    }
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
    var report = reconcile.reconcile(admin, Optional.of(Duration.ZERO));

    assertThat(report.removed()).hasSize(1);
    assertThat(blobs.names()).isEmpty();
  }
}

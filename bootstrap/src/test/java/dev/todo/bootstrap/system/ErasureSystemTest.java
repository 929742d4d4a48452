package dev.todo.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.todo.bootstrap.ServiceOnRandomPort;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListInput;
import dev.todo.domain.port.in.AttachmentsUseCase;
import dev.todo.domain.port.in.AttachmentsUseCase.IncomingFile;
import dev.todo.domain.port.in.AttachmentsUseCase.UploadCommand;
import dev.todo.domain.port.in.CreateTodoUseCase;
import dev.todo.domain.port.in.CreateTodoUseCase.CreateTodoCommand;
import dev.todo.domain.port.in.InputSource;
import dev.todo.domain.port.in.ListsUseCase;
import dev.todo.domain.port.in.RecogniseUserUseCase;
import dev.todo.domain.port.in.SharingUseCase;
import dev.todo.domain.port.in.SharingUseCase.MemberInput;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.TodoInput;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure on SQLite (its foreign keys, counters and the local object store): seeded through the use
 * cases, erased over HTTP, checked from the outside.
 */
class ErasureSystemTest {

  @TempDir Path directory;
  private EmbeddedServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void erasesTheAccountItsListsAndTheirObjectsAndKeepsOthersListsExact() throws Exception {
    server = ServiceOnRandomPort.start(directory, Map.of());
    var context = server.getApplicationContext();
    var alice = Caller.of("alice");
    var bob = Caller.of("bob");
    context.getBean(RecogniseUserUseCase.class).recognise(alice);
    context.getBean(RecogniseUserUseCase.class).recognise(bob);
    String alices = list(context, alice, "Alice's");
    String bobs = list(context, bob, "Bob's");
    context.getBean(SharingUseCase.class).putMember(alice, alices, "bob", editor());
    context.getBean(SharingUseCase.class).putMember(bob, bobs, "alice", editor());
    attach(context, alice, todo(context, alice, alices, "Alice's own"));
    attach(context, bob, todo(context, bob, alices, "Bob's in Alice's"));
    attach(context, alice, todo(context, alice, bobs, "Alice's in Bob's"));
    assertThat(objects()).isEqualTo(3);

    assertThat(erase("alice", "bob")).isEqualTo(400);
    assertThat(objects()).isEqualTo(3);
    assertThat(erase("alice", "alice")).isEqualTo(204);

    assertThat(objects()).isEqualTo(1);
    var lists = context.getBean(ListsUseCase.class).list(bob, Optional.empty());
    assertThat(lists)
        .extracting(l -> l.list().name().value())
        .contains("Bob's")
        .doesNotContain("Alice's");
    var bobsList =
        lists.stream()
            .filter(l -> l.list().name().value().equals("Bob's"))
            .findFirst()
            .orElseThrow();
    assertThat(bobsList.list().memberCount()).isEqualTo(1);
    assertThat(bobsList.list().todoCount()).isEqualTo(1);
    assertThat(erase("alice", "alice")).isEqualTo(204);
  }

  private static InputSource<MemberInput> editor() {
    return InputSource.of(new MemberInput(Field.absent(), Field.of("editor")));
  }

  private int erase(String subject, String confirm) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/me?confirm=" + confirm))
                .DELETE()
                .header("Authorization", "Bearer " + RunningService.token(subject))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private long objects() throws Exception {
    try (Stream<Path> files = Files.walk(directory.resolve("attachments"))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static String list(ApplicationContext context, Caller owner, String name) {
    return context
        .getBean(ListsUseCase.class)
        .create(owner, InputSource.of(new ListInput(Field.of(name), Field.absent())))
        .list()
        .id()
        .toString();
  }

  private static dev.todo.domain.todo.TodoId todo(
      ApplicationContext context, Caller caller, String list, String title) {
    return context
        .getBean(CreateTodoUseCase.class)
        .create(
            new CreateTodoCommand(
                caller,
                InputSource.of(
                    TodoInput.empty().withTitle(Field.of(title)).withListId(Field.of(list)))))
        .id();
  }

  private static void attach(
      ApplicationContext context, Caller caller, dev.todo.domain.todo.TodoId todo) {
    var file =
        new IncomingFile(
            "a.txt", Optional.of("text/plain"), new ByteArrayInputStream(new byte[] {1, 2, 3}));
    context
        .getBean(AttachmentsUseCase.class)
        .upload(new UploadCommand(caller, todo, InputSource.of(Optional.of(file))));
  }
}

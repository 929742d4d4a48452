package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.ListView;
import dev.todo.domain.list.Membership;
import dev.todo.domain.port.in.ExportAccountUseCase;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.BlobStorage;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.StepRepository;
import dev.todo.domain.port.out.TodoRepository;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.port.out.TrashRepository;
import dev.todo.domain.port.out.UserRepository;
import dev.todo.domain.step.Step;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TrashedTodo;
import dev.todo.domain.user.KnownUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The caller's data for export: the lists and memberships in one read, then each list's to-dos (its
 * live ones in creation order, then its trashed ones) in keyset pages of {@value #PAGE}, each page
 * with its steps and attachments in a read of its own, while the export is written.
 */
final class ExportService implements ExportAccountUseCase {

  static final int PAGE = 200;

  private final ExportSources sources;
  private final Transactions transactions;
  private final Clock clock;

  /** The ports an export reads. */
  record ExportSources(
      UserRepository users,
      ListRepository lists,
      TodoRepository todos,
      TrashRepository trash,
      StepRepository steps,
      AttachmentRepository attachments,
      BlobStorage blobs) {}

  ExportService(ExportSources sources, Transactions transactions, Clock clock) {
    this.sources = sources;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public AccountExport export(Caller caller) {
    String subject = caller.subject();
    return transactions.read(
        () -> {
          KnownUser user =
              sources
                  .users()
                  .findById(subject)
                  .orElseGet(() -> new KnownUser(subject, caller.name(), caller.email()));
          List<Membership> memberships = sources.lists().membershipsOf(subject);
          List<ExportedList> owned =
              memberships.stream()
                  .filter(m -> m.role() == ListRole.OWNER)
                  .map(m -> exported(m, user))
                  .toList();
          var others =
              memberships.stream()
                  .filter(m -> m.role() != ListRole.OWNER)
                  .map(Membership::list)
                  .toList();
          return new AccountExport(clock.instant(), user, owned, others, files(owned));
        });
  }

  private ExportedList exported(Membership membership, KnownUser owner) {
    var list = membership.list();
    var view =
        new ListView(
            list, owner, ListRole.OWNER.wireName(), OptionalLong.of(membership.position()));
    return new ExportedList(view, sources.lists().members(list.id()), todosOf(list.id(), true));
  }

  /** The list's live to-dos, then its trashed ones; steps only {@code withSteps}. */
  private Iterable<ExportedTodo> todosOf(ListId list, boolean withSteps) {
    Iterable<ExportedTodo> live =
        Pages.of(
            PAGE,
            after ->
                transactions.read(
                    () ->
                        sources
                            .todos()
                            .findInList(list, after.map(ExportedTodo::todo), PAGE)
                            .stream()
                            .map(todo -> withDetails(todo, Optional.empty(), withSteps))
                            .toList()));
    Iterable<ExportedTodo> trashed =
        Pages.of(
            PAGE,
            after ->
                transactions.read(
                    () ->
                        sources
                            .trash()
                            .findInList(list, after.map(ExportService::asTrashed), PAGE)
                            .stream()
                            .map(t -> withDetails(t.todo(), Optional.of(t), withSteps))
                            .toList()));
    return Pages.flatten(List.of(live, trashed), todos -> todos);
  }

  private ExportedTodo withDetails(Todo todo, Optional<TrashedTodo> trashed, boolean withSteps) {
    List<Step> steps =
        withSteps && todo.stepCount() > 0 ? sources.steps().findByTodo(todo.id()) : List.of();
    List<Attachment> attachments =
        todo.attachmentCount() > 0 ? sources.attachments().findByTodo(todo.id()) : List.of();
    return new ExportedTodo(
        todo,
        trashed.map(TrashedTodo::deletedAt),
        trashed.flatMap(TrashedTodo::deletedBy),
        steps,
        attachments);
  }

  private static TrashedTodo asTrashed(ExportedTodo exported) {
    return new TrashedTodo(
        exported.todo(), exported.deletedAt().orElseThrow(), exported.deletedBy());
  }

  /** The owned lists' files, in the order of the lists and their to-dos, read once more. */
  private Iterable<ExportedFile> files(List<ExportedList> owned) {
    Iterable<ExportedTodo> todos =
        Pages.flatten(owned, list -> todosOf(list.list().list().id(), false));
    return Pages.flatten(
        todos,
        todo ->
            todo.attachments().stream()
                .map(a -> new ExportedFile(a, () -> sources.blobs().read(a.objectName()).stream()))
                .toList());
  }
}

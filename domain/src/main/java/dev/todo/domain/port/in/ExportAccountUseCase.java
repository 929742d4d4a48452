package dev.todo.domain.port.in;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListView;
import dev.todo.domain.list.Member;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.step.Step;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.user.KnownUser;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a user owns, for them to take away. The lists and memberships are read at once; the
 * to-dos and files are read in bounded pages while they are iterated, so an export of any size
 * needs the same memory. Each page is its own read: a to-do changed during a long export shows as
 * it was when its page was read.
 */
public interface ExportAccountUseCase {

  /** The caller's data; any caller may export their own, a {@code readonly} one too. */
  AccountExport export(Caller caller);

  /**
   * What the export holds: the lists the user owns with everything in them, the lists of others
   * they are a member of (named only), and the files of the to-dos, in the order of {@code lists}.
   */
  record AccountExport(
      Instant exportedAt,
      KnownUser user,
      List<ExportedList> lists,
      List<TodoList> memberships,
      Iterable<ExportedFile> files) {}

  /** An owned list as its owner sees it, its members, and its to-dos (in the trash too). */
  record ExportedList(ListView list, List<Member> members, Iterable<ExportedTodo> todos) {}

  /**
   * A to-do with its steps and its attachments' metadata; {@code deletedAt} is set while it is in
   * the trash, {@code deletedBy} then too unless that account is gone.
   */
  record ExportedTodo(
      Todo todo,
      Optional<Instant> deletedAt,
      Optional<String> deletedBy,
      List<Step> steps,
      List<Attachment> attachments) {}

  /** One attachment's bytes, opened when asked (the caller closes the stream). */
  record ExportedFile(Attachment attachment, Supplier<InputStream> content) {}
}

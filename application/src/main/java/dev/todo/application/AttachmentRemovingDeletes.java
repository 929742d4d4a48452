package dev.todo.application;

import dev.todo.domain.attachment.Attachment;
import dev.todo.domain.port.in.BulkEditTodosUseCase;
import dev.todo.domain.port.in.DeleteTodoUseCase;
import dev.todo.domain.port.out.AttachmentRepository;
import dev.todo.domain.port.out.Transactions;
import java.util.List;

/**
 * Deleting to-dos deletes their files. Around the to-do use cases: in the same write transaction
 * (joined by the wrapped use case), the attachments of what is about to be deleted are read before
 * their rows go with their to-dos; after the commit their objects are deleted (row first, then
 * object).
 */
public final class AttachmentRemovingDeletes {

  private AttachmentRemovingDeletes() {}

  public static DeleteTodoUseCase deleteTodo(
      DeleteTodoUseCase delegate,
      AttachmentRepository attachments,
      Transactions transactions,
      AttachmentService files) {
    return command -> {
      List<Attachment> removed =
          transactions.write(
              () -> {
                var before = attachments.findByTodo(command.id());
                delegate.delete(command);
                return before;
              });
      files.removeObjects(removed);
    };
  }

  public static BulkEditTodosUseCase bulkEdit(
      BulkEditTodosUseCase delegate,
      AttachmentRepository attachments,
      Transactions transactions,
      AttachmentService files) {
    return new BulkEditTodosUseCase() {
      @Override
      public long setCompleted(SetCompletedCommand command) {
        return delegate.setCompleted(command);
      }

      @Override
      public long deleteAll(DeleteTodosCommand command) {
        record Outcome(long deleted, List<Attachment> removed) {}
        var outcome =
            transactions.write(
                () -> {
                  var before =
                      attachments.findByOwner(command.caller().subject(), command.status());
                  return new Outcome(delegate.deleteAll(command), before);
                });
        files.removeObjects(outcome.removed());
        return outcome.deleted();
      }
    };
  }
}

package dev.todo.adapters.persistence;

import dev.todo.domain.todo.Notes;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.Title;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Converts between the domain's {@link Todo} and its row. */
final class TodoMapper {

  private TodoMapper() {}

  static TodoRow toRow(Long seq, Todo todo) {
    return new TodoRow(
        seq,
        todo.id().toString(),
        todo.owner(),
        todo.title().value(),
        todo.title().sortKey(),
        todo.notes().map(Notes::value).orElse(null),
        todo.completed(),
        todo.completedAt().map(Instant::toEpochMilli).orElse(null),
        todo.dueDate().map(LocalDate::toString).orElse(null),
        todo.priority().rank(),
        todo.position(),
        todo.attachmentCount(),
        todo.createdAt().toEpochMilli(),
        todo.updatedAt().toEpochMilli(),
        todo.version());
  }

  static Todo toDomain(TodoRow row) {
    return new Todo(
        new TodoId(UUID.fromString(row.publicId())),
        row.owner(),
        new Title(row.title()),
        Optional.ofNullable(row.notes()).map(Notes::new),
        row.completed(),
        Optional.ofNullable(row.completedAt()).map(Instant::ofEpochMilli),
        Optional.ofNullable(row.dueDate()).map(LocalDate::parse),
        Priority.ofRank(row.priority()),
        row.position(),
        row.attachmentCount(),
        Instant.ofEpochMilli(row.createdAt()),
        Instant.ofEpochMilli(row.updatedAt()),
        row.version());
  }
}

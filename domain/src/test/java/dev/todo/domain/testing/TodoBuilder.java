package dev.todo.domain.testing;

import dev.todo.domain.list.ListId;
import dev.todo.domain.todo.Field;
import dev.todo.domain.todo.Priority;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.todo.TodoEdit;
import dev.todo.domain.todo.TodoId;
import dev.todo.domain.todo.TodoInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Test-data builder: a valid to-do with sensible defaults, changed one field at a time. */
public final class TodoBuilder {

  public static final Instant T0 = Instant.parse("2026-01-15T10:30:00Z");

  private TodoId id = TodoId.random();
  private ListId list = listOf("alice");
  private String createdBy = "alice";
  private TodoInput input = TodoInput.empty().withTitle(Field.of("Buy milk"));
  private long position = 1;
  private Instant createdAt = T0;

  public static TodoBuilder aTodo() {
    return new TodoBuilder();
  }

  public TodoBuilder id(TodoId value) {
    id = value;
    return this;
  }

  /**
   * The fixed id of {@code user}'s list in tests that need one list per user: the contract tests
   * store a list with this id for each of their users.
   */
  public static ListId listOf(String user) {
    return new ListId(UUID.nameUUIDFromBytes(("list of " + user).getBytes(StandardCharsets.UTF_8)));
  }

  /** In {@link #listOf}({@code user}), created by {@code user}. */
  public TodoBuilder ownedBy(String user) {
    list = listOf(user);
    createdBy = user;
    return this;
  }

  /** Created (and, if completed, completed) by {@code user}, in whichever list. */
  public TodoBuilder by(String user) {
    createdBy = user;
    return this;
  }

  public TodoBuilder inList(ListId value) {
    list = value;
    return this;
  }

  public TodoBuilder titled(String value) {
    input = input.withTitle(Field.of(value));
    return this;
  }

  public TodoBuilder notes(String value) {
    input = input.withNotes(Field.of(value));
    return this;
  }

  public TodoBuilder completed() {
    input = input.withCompleted(Field.of(true));
    return this;
  }

  public TodoBuilder due(String isoDate) {
    input = input.withDueDate(Field.of(isoDate));
    return this;
  }

  public TodoBuilder priority(Priority value) {
    input = input.withPriority(Field.of(value.wireName()));
    return this;
  }

  public TodoBuilder position(long value) {
    position = value;
    return this;
  }

  public TodoBuilder createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public Todo build() {
    return Todo.create(id, list, createdBy, TodoEdit.forCreate(input), position, createdAt);
  }

  public static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}

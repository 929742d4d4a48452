package dev.todo.adapters.persistence;

import dev.todo.domain.list.TodoList;

/** The columns of {@code lists}, listed once (see {@link Column}). Times are epoch milliseconds. */
enum ListColumn implements Column<TodoList> {
  ID("id"),
  OWNER("owner"),
  NAME("name"),
  IS_DEFAULT("is_default"),
  TODO_COUNT("todo_count"),
  ACTIVE_COUNT("active_count"),
  MEMBER_COUNT("member_count"),
  CREATED_AT("created_at"),
  UPDATED_AT("updated_at"),
  VERSION("version");

  private final String column;

  ListColumn(String column) {
    this.column = column;
  }

  @Override
  public String column() {
    return column;
  }

  @Override
  public Object valueOf(TodoList list) {
    return switch (this) {
      case ID -> list.id().toString();
      case OWNER -> list.owner();
      case NAME -> list.name().value();
      case IS_DEFAULT -> list.isDefault() ? 1 : 0;
      case TODO_COUNT -> list.todoCount();
      case ACTIVE_COUNT -> list.activeCount();
      case MEMBER_COUNT -> list.memberCount();
      case CREATED_AT -> list.createdAt().toEpochMilli();
      case UPDATED_AT -> list.updatedAt().toEpochMilli();
      case VERSION -> list.version();
    };
  }

  /** An update writes the list's own fields; its identity, owner and counters stay. */
  @Override
  public boolean isUpdated() {
    return switch (this) {
      case NAME, UPDATED_AT, VERSION -> true;
      default -> false;
    };
  }
}

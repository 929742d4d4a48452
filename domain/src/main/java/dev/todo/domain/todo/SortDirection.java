package dev.todo.domain.todo;

public enum SortDirection {
  ASC,
  DESC
}

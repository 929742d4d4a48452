package dev.todo.domain.todo;

import dev.todo.domain.error.MalformedInputException;

/** A 1-based page of at most {@value #MAX_SIZE} items. */
public record PageRequest(int page, int size) {

  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 20;

  public PageRequest {
    if (page < 1) {
      throw new MalformedInputException("page must be 1 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new MalformedInputException("page_size must be between 1 and " + MAX_SIZE);
    }
  }

  public long offset() {
    return (long) (page - 1) * size;
  }
}

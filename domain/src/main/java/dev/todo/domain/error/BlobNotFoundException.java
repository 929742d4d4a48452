package dev.todo.domain.error;

/** No object exists under the name asked for. */
public class BlobNotFoundException extends RuntimeException {

  public BlobNotFoundException(String name) {
    super("no object named " + name);
  }
}

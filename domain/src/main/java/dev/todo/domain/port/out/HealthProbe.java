package dev.todo.domain.port.out;

/** A dependency the service needs to answer requests, such as the database or the object store. */
public interface HealthProbe {

  /** The key under which the check is reported, such as {@code database}. */
  String name();

  /** Whether the dependency answers now; never throws and returns within a few seconds. */
  boolean isUp();
}

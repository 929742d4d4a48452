package dev.todo.bootstrap.archfixtures.domain;

public class DomainUsingMicronaut {
  io.micronaut.context.ApplicationContext context;
}

package dev.todo.bootstrap.archfixtures.adapters.persistence;

public class PersistenceUsingRest {
  dev.todo.bootstrap.archfixtures.adapters.rest.RestUsingSql rest;
  io.micronaut.http.HttpRequest<?> request;
}

package dev.todo.bootstrap.archfixtures.application;

public class ApplicationUsingAnAdapter {
  dev.todo.bootstrap.archfixtures.adapters.persistence.PersistenceUsingRest adapter;
}

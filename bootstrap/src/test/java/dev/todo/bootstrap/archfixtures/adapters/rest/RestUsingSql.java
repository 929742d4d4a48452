package dev.todo.bootstrap.archfixtures.adapters.rest;

public class RestUsingSql {
  java.sql.Connection connection;
  dev.todo.bootstrap.archfixtures.application.ApplicationUsingAnAdapter application;
}

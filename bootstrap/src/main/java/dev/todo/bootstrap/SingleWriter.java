package dev.todo.bootstrap;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bean belongs to the single-writer design of SQLite (the writer lease, its gates and fence,
 * Litestream's replication), and exists only when the database is SQLite: on PostgreSQL many
 * instances write at once and the database keeps the copies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Requires(property = "datasources.default.url", pattern = "jdbc:sqlite:.*")
@interface SingleWriter {}

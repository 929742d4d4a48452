package dev.todo.adapters.persistence;

import io.micronaut.context.annotation.Requires;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The bean exists when the datasource is SQLite: its single writer, its tuning, its probe. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Requires(property = "datasources.default.url", pattern = "jdbc:sqlite:.*")
@interface OnSqlite {}

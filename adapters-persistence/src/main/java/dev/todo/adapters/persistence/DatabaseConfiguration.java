package dev.todo.adapters.persistence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How writes reach the database, and how much memory it keeps ({@code todo.database.*}; env {@code
 * TODO_DATABASE_*}).
 *
 * @param writeTimeoutMs how long a write waits for its turn before answering "unavailable"
 * @param writeBatchLimit the most writes committed together in one transaction
 * @param cacheKib SQLite's page cache per pooled connection, in KiB
 */
@ConfigurationProperties("todo.database")
record DatabaseConfiguration(
    @Bindable(defaultValue = "5000") long writeTimeoutMs,
    @Bindable(defaultValue = "32") int writeBatchLimit,
    @Bindable(defaultValue = "2048") int cacheKib) {}

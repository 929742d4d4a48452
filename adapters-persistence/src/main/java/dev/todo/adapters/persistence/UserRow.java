package dev.todo.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code users}, with the counters of their to-dos. */
@MappedEntity("users")
record UserRow(
    @Id String sub,
    @Nullable String email,
    @Nullable String name,
    long createdAt,
    long todoCount,
    long completedCount) {}

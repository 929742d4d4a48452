package dev.todo.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code todos}; times are epoch milliseconds, priority its rank. */
@MappedEntity("todos")
record TodoRow(
    @Id @GeneratedValue @Nullable Long seq,
    @MappedProperty("id") String publicId,
    String owner,
    String title,
    String titleSort,
    @Nullable String notes,
    boolean completed,
    @Nullable Long completedAt,
    @Nullable String dueDate,
    int priority,
    long position,
    int attachmentCount,
    long createdAt,
    long updatedAt,
    long version) {}

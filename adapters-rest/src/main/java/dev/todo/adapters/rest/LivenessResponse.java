package dev.todo.adapters.rest;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record LivenessResponse(String status) {}

package dev.todo.adapters.rest;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

@Serdeable
record HealthResponse(String status, Map<String, String> checks) {}

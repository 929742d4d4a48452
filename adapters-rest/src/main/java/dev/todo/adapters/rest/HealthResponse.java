package dev.todo.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record HealthResponse(
    String status, Map<String, String> checks, Map<String, Map<String, Long>> details) {}

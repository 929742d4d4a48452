package dev.todo.domain.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Well-typed input that breaks a rule; names each offending field with its messages. */
public final class ValidationException extends DomainException {

  private final Map<String, List<String>> details;

  public ValidationException(Map<String, List<String>> details) {
    super("Invalid input");
    var copy = new LinkedHashMap<String, List<String>>();
    details.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
    this.details = Collections.unmodifiableMap(copy);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(Map.of(field, List.of(message)));
  }

  public Map<String, List<String>> details() {
    return details;
  }

  /** Collects the errors of several fields so that one answer names them all. */
  public static final class Collector {

    private final Map<String, List<String>> details = new LinkedHashMap<>();

    public void add(String field, String message) {
      details.computeIfAbsent(field, ignored -> new ArrayList<>()).add(message);
    }

    public void addAll(ValidationException exception) {
      exception.details().forEach((field, messages) -> messages.forEach(m -> add(field, m)));
    }

    public void throwIfAny() {
      if (!details.isEmpty()) {
        throw new ValidationException(details);
      }
    }
  }
}

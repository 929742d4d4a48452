package dev.todo.domain.audit;

import dev.todo.domain.CanonicalUuid;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The public id of an audit event; pages of events continue before one. */
public record AuditEventId(UUID value) {

  public AuditEventId {
    Objects.requireNonNull(value, "value");
  }

  public static AuditEventId random() {
    return new AuditEventId(UUID.randomUUID());
  }

  /** The id written as a canonical UUID, or empty for anything else. */
  public static Optional<AuditEventId> parse(String text) {
    return CanonicalUuid.parse(text).map(AuditEventId::new);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

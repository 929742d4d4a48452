package dev.todo.domain.port.out;

import dev.todo.domain.audit.AuditEntry;
import dev.todo.domain.audit.AuditEvent;
import dev.todo.domain.audit.AuditEventId;
import dev.todo.domain.audit.AuditQuery;
import java.time.Instant;
import java.util.List;

/**
 * The audit log. {@link #append} is called inside the transaction of the change it records, so that
 * the event commits or rolls back with it.
 */
public interface AuditLog {

  void append(AuditEvent event);

  /**
   * The events the query selects, newest first, at most {@code query.limit()}; an unknown {@code
   * before} selects none.
   */
  List<AuditEntry> find(AuditQuery query);

  /** Whether the event exists (a page may continue before it). */
  boolean contains(AuditEventId id);

  /** Deletes the events recorded before {@code cutoff}; returns how many. */
  long deleteBefore(Instant cutoff);

  /**
   * Erases {@code user} from the log: the events stay, but they are no longer their actor (the
   * actor becomes nobody) nor named as the member an event is about ({@link
   * dev.todo.domain.audit.MemberChanges#USER_ID} becomes null).
   */
  void forgetUser(String user);
}

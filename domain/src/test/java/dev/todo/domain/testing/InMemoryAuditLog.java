package dev.todo.domain.testing;

import dev.todo.domain.audit.AuditEntry;
import dev.todo.domain.audit.AuditEvent;
import dev.todo.domain.audit.AuditEventId;
import dev.todo.domain.audit.AuditQuery;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.audit.MemberChanges;
import dev.todo.domain.port.out.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * In-memory fake of {@link AuditLog}: the events in the order they were appended, their actors
 * looked up in the user fake when read, as the real adapter joins them.
 */
public final class InMemoryAuditLog implements AuditLog, InMemoryTransactions.Participant {

  private final InMemoryUserRepository users;
  private final List<AuditEvent> events = new ArrayList<>();

  public InMemoryAuditLog(InMemoryUserRepository users) {
    this.users = users;
  }

  @Override
  public synchronized void append(AuditEvent event) {
    events.add(event);
  }

  @Override
  public synchronized List<AuditEntry> find(AuditQuery query) {
    int start = events.size() - 1;
    if (query.before().isPresent()) {
      start = indexOf(query.before().get()) - 1;
      if (start < -1) {
        return List.of();
      }
    }
    var found = new ArrayList<AuditEntry>();
    for (int i = start; i >= 0 && found.size() < query.limit(); i--) {
      AuditEvent event = events.get(i);
      if (matches(query, event)) {
        found.add(new AuditEntry(event, actorOf(event)));
      }
    }
    return found;
  }

  @Override
  public synchronized boolean contains(AuditEventId id) {
    return indexOf(id) >= 0;
  }

  @Override
  public synchronized long deleteBefore(Instant cutoff) {
    int before = events.size();
    events.removeIf(event -> event.at().isBefore(cutoff));
    return before - events.size();
  }

  @Override
  public synchronized void forgetUser(String user) {
    for (int i = 0; i < events.size(); i++) {
      AuditEvent e = events.get(i);
      var fields = new LinkedHashMap<>(e.changes().fields());
      fields.computeIfPresent(
          MemberChanges.USER_ID,
          (field, values) -> values.stream().map(v -> user.equals(v) ? null : v).toList());
      events.set(
          i,
          new AuditEvent(
              e.id(),
              e.at(),
              e.actor().filter(actor -> !actor.equals(user)),
              e.action(),
              e.listId(),
              e.todoId(),
              e.requestId(),
              Changes.read(fields)));
    }
  }

  /** Every event, oldest first: what tests check against. */
  public synchronized List<AuditEvent> all() {
    return List.copyOf(events);
  }

  @Override
  public synchronized Runnable checkpoint() {
    var saved = List.copyOf(events);
    return () -> {
      synchronized (this) {
        events.clear();
        events.addAll(saved);
      }
    };
  }

  private int indexOf(AuditEventId id) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private AuditEntry.Actor actorOf(AuditEvent event) {
    return event
        .actor()
        .flatMap(users::findById)
        .map(user -> new AuditEntry.Actor(Optional.of(user.id()), user.name(), user.email()))
        .orElse(
            event.actor().isPresent()
                ? new AuditEntry.Actor(event.actor(), Optional.empty(), Optional.empty())
                : AuditEntry.Actor.NOBODY);
  }

  private static boolean matches(AuditQuery query, AuditEvent event) {
    return (query.list().isEmpty() || query.list().equals(event.listId()))
        && (query.actor().isEmpty() || query.actor().equals(event.actor()))
        && (query.action().isEmpty() || query.action().get() == event.action())
        && query.since().map(since -> !event.at().isBefore(since)).orElse(true)
        && query.until().map(until -> !event.at().isAfter(until)).orElse(true);
  }
}

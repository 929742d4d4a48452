package dev.todo.domain.port.in;

import dev.todo.domain.audit.AuditEntry;
import dev.todo.domain.identity.Caller;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the audit log: one list's activity for its members, everything for an admin. */
public interface ActivityUseCase {

  /** A list's events, newest first (any member). */
  EventPage ofList(Caller caller, String listId, PageOfEvents page);

  /** Every event the filters select, newest first (admin). */
  EventPage audit(Caller caller, AuditFilters filters, PageOfEvents page);

  /** Where a page starts ({@code before}: an event id of the previous page) and its size. */
  record PageOfEvents(Optional<String> before, Optional<Integer> limit) {
    public PageOfEvents {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(limit, "limit");
    }
  }

  /** The admin's filters, as written in the query: timestamps in part 1's format. */
  record AuditFilters(
      Optional<String> actor,
      Optional<String> action,
      Optional<String> listId,
      Optional<String> since,
      Optional<String> until) {
    public AuditFilters {
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(listId, "listId");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(until, "until");
    }
  }

  /** Events, newest first; {@code next} continues the feed when there may be more. */
  record EventPage(List<AuditEntry> events, Optional<String> next) {
    public EventPage {
      events = List.copyOf(events);
      Objects.requireNonNull(next, "next");
    }
  }
}

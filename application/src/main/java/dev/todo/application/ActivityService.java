package dev.todo.application;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.AuditEntry;
import dev.todo.domain.audit.AuditEventId;
import dev.todo.domain.audit.AuditQuery;
import dev.todo.domain.error.ForbiddenException;
import dev.todo.domain.error.ListNotFoundException;
import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.in.ActivityUseCase;
import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.port.out.Transactions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the audit log: a list's activity for its members (access read in the same transaction),
 * every event for an admin. A page holds one more event than asked for, to know whether to offer
 * {@code next}.
 */
public final class ActivityService implements ActivityUseCase {

  private final AuditLog log;
  private final ListRepository lists;
  private final Transactions transactions;

  ActivityService(AuditLog log, ListRepository lists, Transactions transactions) {
    this.log = log;
    this.lists = lists;
    this.transactions = transactions;
  }

  @Override
  public EventPage ofList(Caller caller, String listId, PageOfEvents page) {
    return transactions.read(
        () -> {
          ListId list = AccessibleLists.find(lists, caller, listId).list().id();
          return read(AuditQuery.ofList(list, before(page), limit(page) + 1));
        });
  }

  @Override
  public EventPage audit(Caller caller, AuditFilters filters, PageOfEvents page) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("Only an admin may read the audit log");
    }
    var list = filters.listId().map(id -> ListId.parse(id).orElseThrow(ListNotFoundException::new));
    var action = filters.action().map(name -> AuditAction.parse(name, "action"));
    var since = filters.since().map(text -> instant(text, "since"));
    var until = filters.until().map(text -> instant(text, "until"));
    var before = before(page);
    int limit = limit(page);
    return transactions.read(
        () -> read(new AuditQuery(list, filters.actor(), action, since, until, before, limit + 1)));
  }

  /** The page asked for, from a query for one more. */
  private EventPage read(AuditQuery oneMore) {
    requireKnown(oneMore.before());
    List<AuditEntry> found = log.find(oneMore);
    int limit = oneMore.limit() - 1;
    if (found.size() <= limit) {
      return new EventPage(found, Optional.empty());
    }
    var page = found.subList(0, limit);
    return new EventPage(page, Optional.of(page.getLast().event().id().toString()));
  }

  /** A page can only continue before an event that exists. */
  private void requireKnown(Optional<AuditEventId> before) {
    if (before.isPresent() && !log.contains(before.get())) {
      throw new MalformedInputException("before is not an event of this feed");
    }
  }

  private static Optional<AuditEventId> before(PageOfEvents page) {
    return page.before()
        .map(
            text ->
                AuditEventId.parse(text)
                    .orElseThrow(() -> new MalformedInputException("before is not an event id")));
  }

  private static int limit(PageOfEvents page) {
    int limit = page.limit().orElse(AuditQuery.DEFAULT_LIMIT);
    if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
      throw new MalformedInputException("limit must be between 1 and " + AuditQuery.MAX_LIMIT);
    }
    return limit;
  }

  private static Instant instant(String text, String field) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedInputException(field + " must be an RFC 3339 timestamp");
    }
  }
}

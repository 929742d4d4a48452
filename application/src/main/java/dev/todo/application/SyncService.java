package dev.todo.application;

import dev.todo.domain.error.MalformedInputException;
import dev.todo.domain.error.SyncCursorExpiredException;
import dev.todo.domain.identity.Caller;
import dev.todo.domain.port.in.SyncUseCase;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.sync.SyncCursor;
import dev.todo.domain.sync.SyncKey;
import dev.todo.domain.sync.SyncKind;
import dev.todo.domain.sync.SyncPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Incremental sync. A cursor is the key of the last entry sent ({@link SyncKey}); one page is the
 * entries after it, read in one snapshot, merged from one stream per list and kind ({@link
 * SyncMerge}). Cursors live for the retention period, and never longer than the removals they need.
 */
final class SyncService implements SyncUseCase {

  private final SyncFeed feed;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration retention;

  SyncService(SyncFeed feed, Transactions transactions, Clock clock, Duration retention) {
    this.feed = feed;
    this.transactions = transactions;
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public SyncPage sync(Caller caller, Optional<String> cursor, Optional<Integer> limit) {
    int size = limit.orElse(DEFAULT_LIMIT);
    if (size < 1 || size > MAX_LIMIT) {
      throw new MalformedInputException("limit must be between 1 and " + MAX_LIMIT);
    }
    Instant now = clock.instant();
    Optional<SyncCursor> from = cursor.map(given -> decode(given, now));
    return transactions.read(
        () -> {
          long latest = feed.latest();
          SyncCursor start = from.orElseGet(() -> new SyncCursor(SyncKey.START, latest, now));
          if (from.isPresent() && !servable(start, latest)) {
            throw new SyncCursorExpiredException();
          }
          return new SyncMerge(feed, caller.subject(), size).page(start, latest, now);
        });
  }

  private SyncCursor decode(String given, Instant now) {
    var cursor = SyncCursor.decode(given).orElseThrow(SyncCursorExpiredException::new);
    if (cursor.issuedAt().isBefore(now.minus(retention))) {
      throw new SyncCursorExpiredException();
    }
    return cursor;
  }

  /**
   * Whether every removal the cursor needs is still kept, and the cursor is of this database (not
   * ahead of its latest change).
   */
  private boolean servable(SyncCursor cursor, long latest) {
    return cursor.after().effective() <= latest
        && cursor.removalsAfter() <= latest
        && cursor
            .removalsBound(SyncKind.REMOVED_FROM_LIST)
            .excludesAllUpTo(feed.forgottenThrough());
  }
}

package dev.todo.application;

import dev.todo.domain.attachment.AttachmentLimits;
import dev.todo.domain.port.out.RequestCorrelation;
import dev.todo.domain.port.out.Transactions;
import dev.todo.domain.testing.InMemoryBlobStorage;
import dev.todo.domain.testing.InMemoryDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** {@link UseCases} over the database fakes, with the service's default settings. */
final class TestUseCases {

  static final Duration TRASH_RETENTION = Duration.ofDays(30);
  static final Duration AUDIT_RETENTION = Duration.ofDays(365);
  static final Duration SYNC_RETENTION = Duration.ofDays(30);

  private TestUseCases() {}

  static UseCases over(InMemoryDatabase database, Clock clock) {
    return over(database, clock, database.transactions, RequestCorrelation.NONE);
  }

  static UseCases over(
      InMemoryDatabase database,
      Clock clock,
      Transactions transactions,
      RequestCorrelation correlation) {
    return over(database, clock, transactions, correlation, new InMemoryBlobStorage(clock));
  }

  /** Over {@code blobs}, for a test that looks at the objects in the store. */
  static UseCases over(InMemoryDatabase database, Clock clock, InMemoryBlobStorage blobs) {
    return over(database, clock, database.transactions, RequestCorrelation.NONE, blobs);
  }

  private static UseCases over(
      InMemoryDatabase database,
      Clock clock,
      Transactions transactions,
      RequestCorrelation correlation,
      InMemoryBlobStorage blobs) {
    return new UseCases(
        new UseCases.Ports(
            database.todos,
            database.trash,
            database.users,
            database.lists,
            database.invites,
            database.attachments,
            database.steps,
            blobs,
            database.audit,
            database.sync,
            transactions,
            clock,
            correlation,
            List.of()),
        new UseCases.Settings(
            AttachmentLimits.DEFAULTS,
            Duration.ofHours(1),
            TRASH_RETENTION,
            AUDIT_RETENTION,
            SYNC_RETENTION));
  }
}

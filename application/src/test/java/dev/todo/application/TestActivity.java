package dev.todo.application;

import dev.todo.domain.port.out.RequestCorrelation;
import dev.todo.domain.testing.InMemoryDatabase;
import java.time.Clock;

/** The audit events of services under test, written to the database fake's log. */
final class TestActivity {

  private TestActivity() {}

  static Activity of(InMemoryDatabase database, Clock clock) {
    return new Activity(database.audit, clock, RequestCorrelation.NONE);
  }
}

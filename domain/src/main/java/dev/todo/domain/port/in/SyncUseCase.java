package dev.todo.domain.port.in;

import dev.todo.domain.identity.Caller;
import dev.todo.domain.sync.SyncPage;
import java.util.Optional;

/** Incremental sync: what changed for the caller since a cursor, or everything without one. */
public interface SyncUseCase {

  /** The most entities one page holds, and how many it holds by default. */
  int MAX_LIMIT = 1000;

  int DEFAULT_LIMIT = 500;

  /**
   * One page of changes. A cursor that is expired, from before the retention period or not one the
   * service handed out is refused ({@code SyncCursorExpiredException}); a limit outside 1 to {@link
   * #MAX_LIMIT} is malformed.
   */
  SyncPage sync(Caller caller, Optional<String> cursor, Optional<Integer> limit);
}

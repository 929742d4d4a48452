package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import dev.todo.domain.list.Membership;
import dev.todo.domain.port.out.SyncFeed;
import dev.todo.domain.step.Step;
import dev.todo.domain.sync.EntityType;
import dev.todo.domain.sync.Removal;
import dev.todo.domain.sync.SyncBound;
import dev.todo.domain.sync.SyncedList;
import dev.todo.domain.sync.Versioned;
import dev.todo.domain.todo.Todo;
import dev.todo.domain.user.KnownUser;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sync's reads in the database (SQLite or PostgreSQL), each one range of an index that starts
 * with the list (or the user) and goes on with the change number: {@code todos_by_list_change},
 * {@code steps_by_list_change}, {@code removed_from_lists_by_change}, {@code
 * removed_for_users_by_change}. A step's to-do is read by its row id: its condition is written
 * {@code +t.deleted_at IS NULL}, which SQLite does not take for the partial indexes' own (else its
 * planner walks the partial index of live to-dos for every step). The numbers are written by {@link
 * SyncChanges}.
 */
@Singleton
final class JdbcSyncFeed implements SyncFeed {

  private static final String LIST_SEQ = "(SELECT seq FROM lists WHERE id = ?)";
  private static final String AFTER = "(%1$s.change_seq, %1$s.%2$s) > (?, ?)";
  private static final int LIST_COLUMNS = ListColumn.values().length;
  private static final int TODO_COLUMNS = TodoColumn.values().length;
  private static final int STEP_COLUMNS = StepColumn.values().length;

  /** A user's lists with the sequence numbers (list columns, then role, position, owner, seqs). */
  static final String LISTS_OF =
      "SELECT "
          + JdbcListRepository.SELECT_LIST
          + ", m.role, m.position, u.name, u.email, CASE WHEN l.change_seq > m.change_seq THEN l.change_seq ELSE m.change_seq END,"
          + " m.joined_seq, l.content_seq"
          + " FROM memberships m JOIN lists l ON l.seq = m.list_seq"
          + " JOIN users u ON u.sub = l.owner WHERE m.user_sub = ?";

  static final String TODOS =
      "SELECT "
          + TodoRows.SELECT_LIST
          + ", t.change_seq FROM todos t WHERE t.list_seq = "
          + LIST_SEQ
          + " AND t.deleted_at IS NULL AND "
          + AFTER.formatted("t", "id")
          + " ORDER BY t.change_seq, t.id LIMIT ?";

  static final String STEPS =
      "SELECT "
          + JdbcStepRepository.SELECT_LIST
          + ", s.change_seq FROM steps s JOIN todos t ON t.seq = s.todo_seq"
          + " WHERE s.list_seq = "
          + LIST_SEQ
          + " AND "
          + AFTER.formatted("s", "id")
          + " AND +t.deleted_at IS NULL ORDER BY s.change_seq, s.id LIMIT ?";

  static final String REMOVED_FROM =
      "SELECT r.type, r.entity_id, r.change_seq FROM removed_from_lists r WHERE r.list_seq = "
          + LIST_SEQ
          + " AND "
          + AFTER.formatted("r", "entity_id")
          + " ORDER BY r.change_seq, r.entity_id LIMIT ?";

  static final String REMOVED_FOR =
      "SELECT r.list_id, r.change_seq FROM removed_for_users r WHERE r.user_sub = ? AND "
          + AFTER.formatted("r", "list_id")
          + " ORDER BY r.change_seq, r.list_id LIMIT ?";

  private final Sql sql;
  private final SyncClock clock;

  JdbcSyncFeed(Sql sql, SyncClock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public long latest() {
    return clock.latest();
  }

  @Override
  public long forgottenThrough() {
    return clock.forgottenThrough();
  }

  @Override
  public List<SyncedList> listsOf(String user) {
    int role = LIST_COLUMNS + 1;
    return sql.list(
        LISTS_OF,
        row -> {
          var list = JdbcListRepository.read(row);
          var membership =
              new Membership(
                  list, JdbcListRepository.role(row.getString(role)), row.getLong(role + 1));
          var owner =
              new KnownUser(
                  list.owner(),
                  Optional.ofNullable(row.getString(role + 2)),
                  Optional.ofNullable(row.getString(role + 3)));
          return new SyncedList(
              membership,
              owner,
              row.getLong(role + 4),
              row.getLong(role + 5),
              row.getLong(role + 6));
        },
        user);
  }

  @Override
  public List<Versioned<Todo>> todos(ListId list, SyncBound after, int limit) {
    return sql.list(
        TODOS,
        row -> new Versioned<>(TodoRows.read(row), row.getLong(TODO_COLUMNS + 1)),
        list.toString(),
        after.seq(),
        after.id(),
        limit);
  }

  @Override
  public List<Versioned<Step>> steps(ListId list, SyncBound after, int limit) {
    return sql.list(
        STEPS,
        row -> new Versioned<>(JdbcStepRepository.read(row), row.getLong(STEP_COLUMNS + 1)),
        list.toString(),
        after.seq(),
        after.id(),
        limit);
  }

  @Override
  public List<Removal> removedFrom(ListId list, SyncBound after, int limit) {
    return sql.list(
        REMOVED_FROM,
        row ->
            new Removal(
                EntityType.fromWireName(row.getString(1)), row.getString(2), row.getLong(3)),
        list.toString(),
        after.seq(),
        after.id(),
        limit);
  }

  @Override
  public List<Removal> removedFor(String user, SyncBound after, int limit) {
    return sql.list(
        REMOVED_FOR,
        row -> new Removal(EntityType.LIST, row.getString(1), row.getLong(2)),
        user,
        after.seq(),
        after.id(),
        limit);
  }

  @Override
  public long forgetRemovalsBefore(Instant cutoff) {
    long millis = cutoff.toEpochMilli();
    sql.update(
        """
        UPDATE sync_clock SET forgotten_through = (SELECT max(seq) FROM (
            SELECT forgotten_through AS seq FROM sync_clock
            UNION ALL SELECT max(change_seq) FROM removed_from_lists WHERE removed_at < ?
            UNION ALL SELECT max(change_seq) FROM removed_for_users WHERE removed_at < ?) AS s)""",
        millis,
        millis);
    return Stream.of("removed_from_lists", "removed_for_users")
        .mapToLong(table -> sql.update("DELETE FROM " + table + " WHERE removed_at < ?", millis))
        .sum();
  }
}

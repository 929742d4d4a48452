package dev.todo.adapters.persistence;

import dev.todo.domain.list.ListId;
import dev.todo.domain.step.StepId;
import dev.todo.domain.sync.EntityType;
import dev.todo.domain.todo.TodoId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The sync's bookkeeping of every write, in the write's transaction: what it changed gets the
 * write's number ({@link SyncClock}), and what it removed is kept as a removal. Each method names
 * one kind of change; the repositories call them where they change rows.
 */
@Singleton
final class SyncChanges {

  private static final String LIST_SEQ = "(SELECT seq FROM lists WHERE id = ?)";
  private static final String TODO_SEQ = "(SELECT seq FROM todos WHERE id = ?)";

  private final Sql sql;
  private final SyncClock clock;
  private final Clock time;

  /**
   * time: the service's clock, the one the purge's cutoff is read from (a removal's age must be
   * measured by the clock that decides when it is forgotten); the system's where there is none.
   */
  SyncChanges(Sql sql, SyncClock clock, Optional<Clock> time) {
    this.sql = sql;
    this.clock = clock;
    this.time = time.orElseGet(Clock::systemUTC);
  }

  /** The list's own fields or counters changed. */
  void list(ListId list) {
    sql.update("UPDATE lists SET change_seq = ? WHERE id = ?", clock.current(), list.toString());
  }

  /** The counters of these lists changed. */
  void lists(List<ListId> lists) {
    sql.update(
        "UPDATE lists SET change_seq = ? WHERE " + ListSeqs.idIn(lists),
        values(clock.current(), ListSeqs.ids(lists)));
  }

  /** The lists this user owns show them as owner, and what the user's token says changed. */
  void ownerOf(String user) {
    sql.update("UPDATE lists SET change_seq = ? WHERE owner = ?", clock.current(), user);
  }

  /** The member's role or position changed. */
  void membership(ListId list, String user) {
    sql.update(
        "UPDATE memberships SET change_seq = ? WHERE list_seq = " + LIST_SEQ + " AND user_sub = ?",
        clock.current(),
        list.toString(),
        user);
  }

  /** The user became a member: everything in the list is new to them. */
  void joined(ListId list, String user) {
    long now = clock.current();
    sql.update(
        "UPDATE memberships SET change_seq = ?, joined_seq = ? WHERE list_seq = "
            + LIST_SEQ
            + " AND user_sub = ?",
        now,
        now,
        list.toString(),
        user);
  }

  /** The user lost the list (left it, was removed); call before the membership goes. */
  void lostBy(ListId list, String user) {
    sql.update(
        "INSERT INTO removed_for_users (user_sub, list_id, change_seq, removed_at)"
            + " VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (user_sub, list_id) DO UPDATE SET change_seq = excluded.change_seq,"
            + " removed_at = excluded.removed_at",
        user,
        list.toString(),
        clock.current(),
        time.millis());
  }

  /** Every member loses the list (it is being deleted); call before it goes. */
  void lostByAll(ListId list) {
    sql.update(
        "INSERT INTO removed_for_users (user_sub, list_id, change_seq, removed_at)"
            + " SELECT m.user_sub, ?, ?, ? FROM memberships m WHERE m.list_seq = "
            + LIST_SEQ
            + " ON CONFLICT (user_sub, list_id) DO UPDATE SET change_seq = excluded.change_seq,"
            + " removed_at = excluded.removed_at",
        list.toString(),
        clock.current(),
        time.millis(),
        list.toString());
  }

  /** The to-do's fields or counters changed (it is live, in its list). */
  void todo(TodoId todo) {
    long now = clock.current();
    String id = todo.toString();
    sql.update("UPDATE todos SET change_seq = ? WHERE id = ?", now, id);
    sql.update(
        "UPDATE lists SET content_seq = ? WHERE seq = (SELECT list_seq FROM todos WHERE id = ?)",
        now,
        id);
  }

  /**
   * The to-do came (back) into its list: created, restored or moved in. Its steps come with it, to
   * whoever could not see them before.
   */
  void arrived(TodoId todo) {
    todo(todo);
    String id = todo.toString();
    sql.update(
        "UPDATE steps SET change_seq = ?, list_seq = (SELECT list_seq FROM todos WHERE id = ?)"
            + " WHERE todo_seq = "
            + TODO_SEQ,
        clock.current(),
        id,
        id);
  }

  /** The to-do or step left the list (trashed, deleted, moved away). */
  void removed(EntityType type, String id, ListId from) {
    long now = clock.current();
    sql.update(
        "INSERT INTO removed_from_lists (list_seq, type, entity_id, change_seq, removed_at)"
            + " SELECT seq, ?, ?, ?, ? FROM lists WHERE id = ?"
            + " ON CONFLICT (list_seq, entity_id) DO UPDATE SET type = excluded.type,"
            + " change_seq = excluded.change_seq, removed_at = excluded.removed_at",
        type.wireName(),
        id,
        now,
        time.millis(),
        from.toString());
    content(from, now);
  }

  /** The live to-dos of the lists matching {@code where} (on {@code todos t}) leave them. */
  void removedAll(List<ListId> lists, String where, Object... parameters) {
    long now = clock.current();
    sql.update(
        "INSERT INTO removed_from_lists (list_seq, type, entity_id, change_seq, removed_at)"
            + " SELECT t.list_seq, 'todo', t.id, ?, ? FROM todos t"
            + where
            + " ON CONFLICT (list_seq, entity_id) DO UPDATE SET type = excluded.type,"
            + " change_seq = excluded.change_seq, removed_at = excluded.removed_at",
        values(now, values(time.millis(), parameters)));
    contents(lists, now);
  }

  /** The live to-dos of the lists matching {@code where} (on {@code todos t}) changed. */
  void changedAll(List<ListId> lists, String where, Object... parameters) {
    long now = clock.current();
    sql.update("UPDATE todos AS t SET change_seq = ?" + where, values(now, parameters));
    contents(lists, now);
  }

  /** The to-dos matching {@code where} (on {@code todos t}), live or trashed, changed. */
  void changedTodosWhere(String where, Object... parameters) {
    long now = clock.current();
    sql.update(
        "UPDATE lists SET content_seq = ? WHERE seq IN (SELECT t.list_seq FROM todos t"
            + where
            + ")",
        values(now, parameters));
    sql.update("UPDATE todos AS t SET change_seq = ?" + where, values(now, parameters));
  }

  /** The step was added or changed. */
  void step(StepId step) {
    long now = clock.current();
    String id = step.toString();
    sql.update(
        "UPDATE steps SET change_seq = ?,"
            + " list_seq = (SELECT t.list_seq FROM todos t WHERE t.seq = steps.todo_seq)"
            + " WHERE id = ?",
        now,
        id);
    sql.update(
        "UPDATE lists SET content_seq = ? WHERE seq = (SELECT list_seq FROM steps WHERE id = ?)",
        now,
        id);
  }

  /** The step is being deleted from its to-do; call before the row goes. */
  void removing(StepId step) {
    long now = clock.current();
    String id = step.toString();
    sql.update(
        "INSERT INTO removed_from_lists (list_seq, type, entity_id, change_seq, removed_at)"
            + " SELECT list_seq, 'step', id, ?, ? FROM steps WHERE id = ?"
            + " ON CONFLICT (list_seq, entity_id) DO UPDATE SET type = excluded.type,"
            + " change_seq = excluded.change_seq, removed_at = excluded.removed_at",
        now,
        time.millis(),
        id);
    sql.update(
        "UPDATE lists SET content_seq = ? WHERE seq = (SELECT list_seq FROM steps WHERE id = ?)",
        now,
        id);
  }

  private void content(ListId list, long now) {
    sql.update("UPDATE lists SET content_seq = ? WHERE id = ?", now, list.toString());
  }

  private void contents(List<ListId> lists, long now) {
    sql.update(
        "UPDATE lists SET content_seq = ? WHERE " + ListSeqs.idIn(lists),
        values(now, ListSeqs.ids(lists)));
  }

  private static Object[] values(Object first, Object... rest) {
    var all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}

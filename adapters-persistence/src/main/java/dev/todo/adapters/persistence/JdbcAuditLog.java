package dev.todo.adapters.persistence;

import dev.todo.domain.audit.AuditAction;
import dev.todo.domain.audit.AuditEntry;
import dev.todo.domain.audit.AuditEvent;
import dev.todo.domain.audit.AuditEventId;
import dev.todo.domain.audit.AuditQuery;
import dev.todo.domain.audit.Changes;
import dev.todo.domain.audit.MemberChanges;
import dev.todo.domain.list.ListId;
import dev.todo.domain.port.out.AuditLog;
import dev.todo.domain.todo.TodoId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log in the database (SQLite or PostgreSQL): one row per event, in the order appended
 * ({@code seq}); the actor's name and e-mail joined from {@code users} when read, so that they show
 * as the user is known now.
 */
@Singleton
final class JdbcAuditLog implements AuditLog {

  private static final String INSERT =
      "INSERT INTO audit_events (id, at, actor, action, list_id, todo_id, request_id, changes)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String SELECT =
      "SELECT e.id, e.at, e.actor, e.action, e.list_id, e.todo_id, e.request_id, e.changes,"
          + " u.name, u.email FROM audit_events e LEFT JOIN users u ON u.sub = e.actor";

  private final Sql sql;
  private final ChangesJson changes;

  JdbcAuditLog(Sql sql, ChangesJson changes) {
    this.sql = sql;
    this.changes = changes;
  }

  @Override
  public void append(AuditEvent event) {
    sql.update(
        INSERT,
        event.id().toString(),
        event.at().toEpochMilli(),
        event.actor().orElse(null),
        event.action().wireName(),
        event.listId().map(ListId::toString).orElse(null),
        event.todoId().map(TodoId::toString).orElse(null),
        event.requestId().orElse(null),
        changes.write(event.changes()));
  }

  @Override
  public List<AuditEntry> find(AuditQuery query) {
    var where = new ArrayList<String>();
    var parameters = new ArrayList<Object>();
    query.list().ifPresent(list -> condition(where, parameters, "e.list_id = ?", list.toString()));
    query.actor().ifPresent(actor -> condition(where, parameters, "e.actor = ?", actor));
    query
        .action()
        .ifPresent(action -> condition(where, parameters, "e.action = ?", action.wireName()));
    query
        .since()
        .ifPresent(since -> condition(where, parameters, "e.at >= ?", since.toEpochMilli()));
    query
        .until()
        .ifPresent(until -> condition(where, parameters, "e.at <= ?", until.toEpochMilli()));
    query
        .before()
        .ifPresent(
            before ->
                condition(
                    where,
                    parameters,
                    "e.seq < coalesce((SELECT seq FROM audit_events WHERE id = ?), -1)",
                    before.toString()));
    parameters.add(query.limit());
    return sql.list(
        SELECT
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY e.seq DESC LIMIT ?",
        this::read,
        parameters.toArray());
  }

  @Override
  public boolean contains(AuditEventId id) {
    return sql.number("SELECT count(*) FROM audit_events WHERE id = ?", id.toString()) > 0;
  }

  @Override
  public long deleteBefore(Instant cutoff) {
    return sql.update("DELETE FROM audit_events WHERE at < ?", cutoff.toEpochMilli());
  }

  /**
   * The actor through {@code audit_events_by_actor}; the member named in {@code changes} by a scan
   * of the log (JSON text, no index: an erasure is rare).
   */
  @Override
  public void forgetUser(String user) {
    sql.update("UPDATE audit_events SET actor = NULL WHERE actor = ?", user);
    record Stored(long seq, String changes) {}
    var naming =
        sql.list(
            "SELECT seq, changes FROM audit_events WHERE changes LIKE ? ESCAPE '\\'",
            row -> new Stored(row.getLong(1), row.getString(2)),
            "%" + TodoListSql.escapeLike(user) + "%");
    for (Stored stored : naming) {
      var fields = new LinkedHashMap<>(changes.read(stored.changes()).fields());
      var ids = fields.get(MemberChanges.USER_ID);
      if (ids != null && ids.contains(user)) {
        fields.put(
            MemberChanges.USER_ID, ids.stream().map(id -> user.equals(id) ? null : id).toList());
        sql.update(
            "UPDATE audit_events SET changes = ? WHERE seq = ?",
            changes.write(Changes.read(fields)),
            stored.seq());
      }
    }
  }

  private static void condition(
      List<String> where, List<Object> parameters, String condition, Object value) {
    where.add(condition);
    parameters.add(value);
  }

  private AuditEntry read(ResultSet row) throws SQLException {
    var actor = Optional.ofNullable(row.getString(3));
    var event =
        new AuditEvent(
            new AuditEventId(UUID.fromString(row.getString(1))),
            Instant.ofEpochMilli(row.getLong(2)),
            actor,
            AuditAction.parse(row.getString(4), "action"),
            Optional.ofNullable(row.getString(5)).map(UUID::fromString).map(ListId::new),
            Optional.ofNullable(row.getString(6)).map(UUID::fromString).map(TodoId::new),
            Optional.ofNullable(row.getString(7)),
            changes.read(row.getString(8)));
    var who =
        actor.isEmpty()
            ? AuditEntry.Actor.NOBODY
            : new AuditEntry.Actor(
                actor,
                Optional.ofNullable(row.getString(9)),
                Optional.ofNullable(row.getString(10)));
    return new AuditEntry(event, who);
  }
}

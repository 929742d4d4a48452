package dev.todo.adapters.persistence;

import dev.todo.domain.list.Invite;
import dev.todo.domain.list.InviteId;
import dev.todo.domain.list.InviteToken;
import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.port.out.InviteRepository;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The invite links in the database (SQLite or PostgreSQL), found by the hash of their token. */
@Singleton
final class JdbcInviteRepository implements InviteRepository {

  private static final String SELECT =
      "SELECT i.id, l.id, i.role, i.created_at, i.expires_at"
          + " FROM invites i JOIN lists l ON l.seq = i.list_seq";

  private final Sql sql;

  JdbcInviteRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void insert(Invite invite, InviteToken token) {
    long inserted =
        sql.update(
            "INSERT INTO invites (id, list_seq, token_hash, role, created_at, expires_at)"
                + " SELECT ?, seq, ?, ?, ?, ? FROM lists WHERE id = ?",
            invite.id().toString(),
            token.hash(),
            invite.role().wireName(),
            invite.createdAt().toEpochMilli(),
            invite.expiresAt().toEpochMilli(),
            invite.list().toString());
    if (inserted != 1) {
      throw new IllegalStateException("No list " + invite.list());
    }
  }

  @Override
  public Optional<Invite> findActive(InviteToken token, Instant now) {
    return sql.one(
        SELECT + " WHERE i.token_hash = ? AND i.expires_at > ?",
        JdbcInviteRepository::read,
        token.hash(),
        now.toEpochMilli());
  }

  @Override
  public List<Invite> findActive(ListId list, Instant now) {
    return sql.list(
        SELECT + " WHERE l.id = ? AND i.expires_at > ? ORDER BY i.created_at DESC, i.id DESC",
        JdbcInviteRepository::read,
        list.toString(),
        now.toEpochMilli());
  }

  @Override
  public boolean revoke(ListId list, InviteId invite) {
    return sql.update(
            "DELETE FROM invites WHERE id = ? AND list_seq = (SELECT seq FROM lists WHERE id = ?)",
            invite.toString(),
            list.toString())
        == 1;
  }

  private static Invite read(ResultSet row) throws SQLException {
    return new Invite(
        new InviteId(UUID.fromString(row.getString(1))),
        new ListId(UUID.fromString(row.getString(2))),
        ListRole.fromWireName(row.getString(3)).orElseThrow(),
        Instant.ofEpochMilli(row.getLong(4)),
        Instant.ofEpochMilli(row.getLong(5)));
  }
}

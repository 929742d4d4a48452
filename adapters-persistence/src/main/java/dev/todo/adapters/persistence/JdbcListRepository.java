package dev.todo.adapters.persistence;

import static dev.todo.adapters.persistence.ListColumn.ACTIVE_COUNT;
import static dev.todo.adapters.persistence.ListColumn.CREATED_AT;
import static dev.todo.adapters.persistence.ListColumn.ID;
import static dev.todo.adapters.persistence.ListColumn.IS_DEFAULT;
import static dev.todo.adapters.persistence.ListColumn.MEMBER_COUNT;
import static dev.todo.adapters.persistence.ListColumn.NAME;
import static dev.todo.adapters.persistence.ListColumn.OWNER;
import static dev.todo.adapters.persistence.ListColumn.TODO_COUNT;
import static dev.todo.adapters.persistence.ListColumn.UPDATED_AT;
import static dev.todo.adapters.persistence.ListColumn.VERSION;

import dev.todo.domain.list.ListId;
import dev.todo.domain.list.ListName;
import dev.todo.domain.list.ListRole;
import dev.todo.domain.list.Member;
import dev.todo.domain.list.Membership;
import dev.todo.domain.list.TodoList;
import dev.todo.domain.port.out.ListRepository;
import dev.todo.domain.todo.StatusFilter;
import dev.todo.domain.user.KnownUser;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lists and their memberships in the database (SQLite or PostgreSQL). A list's {@code
 * member_count} moves with each membership added or removed, in the caller's transaction.
 */
@Singleton
final class JdbcListRepository implements ListRepository {

  private static final TableSql<TodoList> TABLE =
      new TableSql<>("lists", "l", List.of(ListColumn.values()));

  /** Every column of {@code lists l}, in {@link ListColumn} order: what {@link #read} reads. */
  static final String SELECT_LIST = TABLE.selectList;

  private static final String SELECT = "SELECT " + SELECT_LIST + " FROM lists l";
  private static final String LIST_SEQ = "(SELECT seq FROM lists WHERE id = ?)";

  private final Sql sql;
  private final SearchIndex search;
  private final SyncChanges sync;

  JdbcListRepository(Sql sql, SearchIndex search, SyncChanges sync) {
    this.sql = sql;
    this.search = search;
    this.sync = sync;
  }

  @Override
  public Optional<TodoList> findById(ListId id) {
    return sql.one(SELECT + " WHERE l.id = ?", JdbcListRepository::read, id.toString());
  }

  @Override
  public Optional<ListRole> roleOf(ListId list, String user) {
    return sql.one(
        "SELECT role FROM memberships WHERE list_seq = " + LIST_SEQ + " AND user_sub = ?",
        row -> role(row.getString(1)),
        list.toString(),
        user);
  }

  @Override
  public Optional<TodoList> findDefault(String owner) {
    return sql.one(
        SELECT + " WHERE l.owner = ? AND l.is_default = 1", JdbcListRepository::read, owner);
  }

  @Override
  public List<Membership> membershipsOf(String user) {
    int role = ListColumn.values().length + 1;
    return sql.list(
        "SELECT "
            + TABLE.selectList
            + ", m.role, m.position FROM memberships m JOIN lists l ON l.seq = m.list_seq"
            + " WHERE m.user_sub = ? ORDER BY m.position, l.id",
        row -> new Membership(read(row), role(row.getString(role)), row.getLong(role + 1)),
        user);
  }

  @Override
  public long nextPosition(String user) {
    return sql.number(
        "SELECT coalesce(max(position), 0) + 1 FROM memberships WHERE user_sub = ?", user);
  }

  @Override
  public void insert(TodoList list, long position) {
    sql.update(TABLE.insert, TABLE.insertValues(list));
    sql.update(
        "INSERT INTO memberships (list_seq, user_sub, role, position, added_at)"
            + " SELECT seq, ?, 'owner', ?, ? FROM lists WHERE id = ?",
        list.owner(),
        position,
        list.createdAt().toEpochMilli(),
        list.id().toString());
    sync.list(list.id());
    sync.joined(list.id(), list.owner());
  }

  @Override
  public void update(TodoList before, TodoList after) {
    if (!after.id().equals(before.id())
        || sql.update(
                TABLE.update, TABLE.updateValues(after, before.id().toString(), before.version()))
            != 1) {
      throw new IllegalStateException("Stale update of list " + before.id());
    }
    sync.list(after.id());
  }

  @Override
  public void delete(TodoList list) {
    search.deletingAll(List.of(list.id()), StatusFilter.ALL);
    sync.lostByAll(list.id());
    sql.update("DELETE FROM lists WHERE id = ?", list.id().toString());
  }

  @Override
  public void setPosition(ListId list, String user, long position) {
    sql.update(
        "UPDATE memberships SET position = ? WHERE list_seq = " + LIST_SEQ + " AND user_sub = ?",
        position,
        list.toString(),
        user);
    sync.membership(list, user);
  }

  @Override
  public List<Member> members(ListId list) {
    return sql.list(
        """
        SELECT u.sub, u.name, u.email, m.role, m.added_at
        FROM memberships m JOIN users u ON u.sub = m.user_sub
        WHERE m.list_seq = (SELECT seq FROM lists WHERE id = ?)
        ORDER BY m.role <> 'owner', m.added_at, m.user_sub""",
        row ->
            new Member(
                new KnownUser(
                    row.getString(1),
                    Optional.ofNullable(row.getString(2)),
                    Optional.ofNullable(row.getString(3))),
                role(row.getString(4)),
                Instant.ofEpochMilli(row.getLong(5))),
        list.toString());
  }

  @Override
  public void addMember(ListId list, String user, ListRole role, Instant now) {
    long added =
        sql.update(
            "INSERT INTO memberships (list_seq, user_sub, role, position, added_at)"
                + " SELECT seq, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM memberships"
                + " WHERE user_sub = ?), ? FROM lists WHERE id = ?",
            user,
            role.wireName(),
            user,
            now.toEpochMilli(),
            list.toString());
    if (added != 1) {
      throw new IllegalStateException("No list " + list);
    }
    countMembers(list, 1);
    sync.joined(list, user);
  }

  @Override
  public void changeRole(ListId list, String user, ListRole role) {
    sql.update(
        "UPDATE memberships SET role = ? WHERE list_seq = " + LIST_SEQ + " AND user_sub = ?",
        role.wireName(),
        list.toString(),
        user);
    sync.membership(list, user);
  }

  @Override
  public boolean removeMember(ListId list, String user) {
    if (roleOf(list, user).isEmpty()) {
      return false;
    }
    sync.lostBy(list, user);
    boolean removed =
        sql.update(
                "DELETE FROM memberships WHERE list_seq = " + LIST_SEQ + " AND user_sub = ?",
                list.toString(),
                user)
            == 1;
    if (removed) {
      countMembers(list, -1);
    }
    return removed;
  }

  private void countMembers(ListId list, int delta) {
    sql.update(
        "UPDATE lists SET member_count = member_count + ? WHERE id = ?", delta, list.toString());
    sync.list(list);
  }

  static ListRole role(String name) {
    return ListRole.fromWireName(name)
        .orElseThrow(() -> new IllegalStateException("Unknown role " + name));
  }

  /** A row selected with the table's select list at the start of the select. */
  static TodoList read(ResultSet row) throws SQLException {
    return new TodoList(
        new ListId(UUID.fromString(row.getString(ID.index()))),
        row.getString(OWNER.index()),
        new ListName(row.getString(NAME.index())),
        row.getInt(IS_DEFAULT.index()) != 0,
        row.getLong(TODO_COUNT.index()),
        row.getLong(ACTIVE_COUNT.index()),
        row.getLong(MEMBER_COUNT.index()),
        Instant.ofEpochMilli(row.getLong(CREATED_AT.index())),
        Instant.ofEpochMilli(row.getLong(UPDATED_AT.index())),
        row.getLong(VERSION.index()));
  }
}

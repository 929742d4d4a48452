import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeds to-dos straight into a database that the application has already migrated (SQLite from V9,
 * or PostgreSQL), in one transaction, keeping what the application keeps in step: the owner's lists
 * (the default one, "Inbox", first) with their owner memberships, each list's {@code todo_count} /
 * {@code active_count} and {@code active_due_counts}, recounted from the rows, and the sync's
 * bookkeeping: the seed is one write, so it takes one change number from {@code sync_clock} (as
 * every write of the application does) and gives it to the new to-dos and memberships ({@code
 * change_seq}, {@code joined_seq}) and to the lists it touched ({@code change_seq}, {@code
 * content_seq}). On SQLite also the {@code todo_search} rows (FTS5, rowid = {@code todos.seq});
 * PostgreSQL searches the rows themselves (trigram indexes), has identity columns for the row
 * numbers, and is vacuumed and analysed after the commit, as autovacuum would within a minute. Run
 * with the application's jar on the class path (it carries sqlite-jdbc with FTS5 trigram support
 * and the PostgreSQL driver):
 *
 * <pre>java -cp bootstrap/target/todo.jar bench/tools/Seed.java DB OWNER COUNT [IDS_FILE [SAMPLE]]
 * </pre>
 *
 * <p>DB is a JDBC URL ({@code jdbc:sqlite:…}, {@code jdbc:postgresql://…}) or the path of a SQLite
 * file. For each owner one line {@code SEEDJSON {"owner", "todos", "active", "active_due"}} on
 * standard output: what this run added (the active to-dos by due date), which the bench compares
 * with {@code GET /api/v1/todos/stats}.
 *
 * <p>OWNER may be a pattern with {@code %d} and a user count, {@code user-%d:100}: COUNT to-dos
 * each for user-1 … user-100. IDS_FILE receives "owner id" lines, at most SAMPLE (default 10,000)
 * per owner. Titles mix a few dozen words so that a common search term ("milk") hits about 2 % of
 * the to-dos, and exactly 10 to-dos per owner (env SEED_RARE) carry the rare word "quokka" (a
 * selective search). A third of the to-dos are completed; 40 % have a due date within a year of
 * today.
 *
 * <p>Env SEED_LISTS (default 1): the owner's to-dos go round-robin into their first N lists (the
 * default list, then "List 2" … "List N", created when missing; a later run reuses them, so that
 * seeding can grow the same lists). Env SEED_SHARE ({@code sub:role,...}; role editor, viewer, or
 * mixed: editor and viewer in turn over the lists): each of those N lists is shared with each of
 * those users (a membership, last in their order, and the list's {@code member_count}).
 */
public class Seed {

  static final String[] WORDS = {
    "buy", "call", "email", "book", "fix", "clean", "plan", "read", "write", "check", "pay", "send",
    "order", "review", "update", "prepare", "water", "walk", "visit", "return", "cancel", "renew",
    "print", "sign", "pick up", "sort", "bake", "paint", "repair", "backup", "invite", "ask", "tidy",
    "cook", "wash", "file", "draft", "test", "deploy", "post", "ship", "schedule", "organise",
    "measure", "collect", "choose", "compare", "record", "practise", "train"
  };
  static final String[] THINGS = {
    "bread", "the plumber", "dentist", "tickets", "bike", "garage", "holiday", "report", "taxes",
    "invoice", "plants", "dog", "grandma", "library books", "insurance", "passport", "slides",
    "photos", "car", "kitchen", "windows", "letters", "budget", "presentation", "roof", "laptop",
    "shelves", "birthday cake", "fence", "guitar", "newsletter", "parcel", "recipe", "garden",
    "flights", "hotel", "receipts", "contract", "friends", "milk"
  };

  /** What one owner's seeding added: to-dos, active ones, active ones per due date. */
  record Added(long todos, long active, java.util.TreeMap<String, Long> activeDue) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: Seed DB-URL-OR-SQLITE-FILE OWNER[-pattern:%d:users] COUNT [IDS_FILE [SAMPLE]]");
      System.exit(2);
    }
    String url = args[0].startsWith("jdbc:") ? args[0] : "jdbc:sqlite:" + Path.of(args[0]);
    boolean postgres = url.startsWith("jdbc:postgresql:");
    if (postgres && !url.contains("reWriteBatchedInserts")) {
      // one multi-row INSERT per batch instead of one round trip per row
      url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    String owner = args[1];
    int users = 1;
    int colon = owner.lastIndexOf(':');
    if (owner.contains("%d") && colon > 0) {
      users = Integer.parseInt(owner.substring(colon + 1));
      owner = owner.substring(0, colon);
    }
    long count = Long.parseLong(args[2]);
    Path idsFile = args.length > 3 ? Path.of(args[3]) : null;
    long sample = args.length > 4 ? Long.parseLong(args[4]) : 10_000;
    int listCount = Integer.parseInt(System.getenv().getOrDefault("SEED_LISTS", "1"));
    String share = System.getenv().getOrDefault("SEED_SHARE", "");

    long started = System.nanoTime();
    var added = new java.util.LinkedHashMap<String, Added>();
    try (Connection connection = DriverManager.getConnection(url);
        BufferedWriter ids = idsFile == null ? null : Files.newBufferedWriter(idsFile)) {
      if (!postgres) {
        try (var statement = connection.createStatement()) {
          statement.execute("PRAGMA foreign_keys = ON");
          statement.execute("PRAGMA synchronous = OFF");
          statement.execute("PRAGMA cache_size = -262144");
          statement.execute("PRAGMA temp_store = MEMORY");
        }
      }
      connection.setAutoCommit(false);
      // One write: one change number, taken like the application's writes take theirs (on
      // PostgreSQL this also waits for, and then holds off, the application's writes).
      long change =
          number(connection, "UPDATE sync_clock SET latest = latest + 1 RETURNING latest");
      for (int u = 1; u <= users; u++) {
        String sub = users == 1 && !owner.contains("%d") ? owner : String.format(owner, u);
        long now = System.currentTimeMillis();
        register(connection, sub, now - count * 1000);
        List<Long> lists = lists(connection, sub, listCount, now - count * 1000, change);
        share(connection, lists, share, now, change);
        var random = new SplittableRandom(31L * sub.hashCode() + count);
        added.put(sub, seed(connection, postgres, sub, lists, count, ids, sample, random, change));
        recount(connection, lists, change);
      }
      connection.commit();
      if (postgres) {
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
          statement.execute("VACUUM (ANALYZE) todos, lists, memberships, active_due_counts, users");
        }
      }
    }
    for (var entry : added.entrySet()) {
      var a = entry.getValue();
      var due = new StringBuilder();
      a.activeDue()
          .forEach(
              (date, n) ->
                  due.append(due.isEmpty() ? "" : ",")
                      .append('"')
                      .append(date)
                      .append("\":")
                      .append(n));
      System.out.printf(
          "SEEDJSON {\"owner\":\"%s\",\"todos\":%d,\"active\":%d,\"active_due\":{%s}}%n",
          entry.getKey(), a.todos(), a.active(), due);
    }
    System.err.printf(
        "seeded %,d to-dos for %d owner(s) into %d list(s) each in %.1f s%n",
        count * users, users, listCount, (System.nanoTime() - started) / 1e9);
  }

  static void register(Connection connection, String sub, long createdAt) throws SQLException {
    try (PreparedStatement user =
        connection.prepareStatement(
            "INSERT INTO users (sub, created_at) VALUES (?, ?) ON CONFLICT (sub) DO NOTHING")) {
      user.setString(1, sub);
      user.setLong(2, createdAt);
      user.executeUpdate();
    }
  }

  static long number(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var result = statement.executeQuery()) {
        return result.next() ? result.getLong(1) : 0;
      }
    }
  }

  static String randomUuid(SplittableRandom random) {
    return new UUID(
            random.nextLong() & ~0xF000L | 0x4000L,
            random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
        .toString();
  }

  /**
   * The seqs of the owner's first n lists, the default one first, creating what is missing (with
   * the owner's membership, last among their lists, joined at this change).
   */
  static List<Long> lists(Connection connection, String owner, int n, long createdAt, long change)
      throws SQLException {
    var seqs = new ArrayList<Long>();
    try (PreparedStatement existing =
        connection.prepareStatement(
            "SELECT seq FROM lists WHERE owner = ? ORDER BY is_default DESC, seq LIMIT ?")) {
      existing.setString(1, owner);
      existing.setInt(2, n);
      try (var result = existing.executeQuery()) {
        while (result.next()) {
          seqs.add(result.getLong(1));
        }
      }
    }
    boolean hasDefault =
        number(connection, "SELECT count(*) FROM lists WHERE owner = ? AND is_default = 1", owner)
            > 0;
    SplittableRandom idRandom = new SplittableRandom(System.nanoTime() ^ owner.hashCode());
    try (PreparedStatement list =
            connection.prepareStatement(
                """
                INSERT INTO lists (id, owner, name, is_default, todo_count, active_count,
                  member_count, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, 0, 0, 1, ?, ?, 1) RETURNING seq""");
        PreparedStatement membership =
            connection.prepareStatement(
                """
                INSERT INTO memberships (list_seq, user_sub, role, position, added_at,
                  change_seq, joined_seq)
                SELECT ?, ?, 'owner', coalesce(max(position), 0) + 1, ?, ?, ? FROM memberships
                WHERE user_sub = ?""")) {
      while (seqs.size() < n) {
        boolean isDefault = !hasDefault && seqs.isEmpty();
        list.setString(1, randomUuid(idRandom));
        list.setString(2, owner);
        list.setString(3, isDefault ? "Inbox" : "List " + (seqs.size() + 1));
        list.setInt(4, isDefault ? 1 : 0);
        list.setLong(5, createdAt);
        list.setLong(6, createdAt);
        long seq;
        try (var result = list.executeQuery()) {
          result.next();
          seq = result.getLong(1);
        }
        membership.setLong(1, seq);
        membership.setString(2, owner);
        membership.setLong(3, createdAt);
        membership.setLong(4, change);
        membership.setLong(5, change);
        membership.setString(6, owner);
        membership.executeUpdate();
        seqs.add(seq);
      }
    }
    return seqs;
  }

  /** Shares the lists as SEED_SHARE says: "sub:role,..." (editor, viewer, mixed). */
  static void share(Connection connection, List<Long> lists, String spec, long now, long change)
      throws SQLException {
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split(":", 2);
      String sub = parts[0];
      String role = parts.length > 1 ? parts[1] : "editor";
      if (!List.of("editor", "viewer", "mixed").contains(role)) {
        throw new IllegalArgumentException(
            "SEED_SHARE role must be editor, viewer or mixed: " + entry);
      }
      register(connection, sub, now);
      try (PreparedStatement membership =
              connection.prepareStatement(
                  """
                  INSERT INTO memberships (list_seq, user_sub, role, position, added_at,
                    change_seq, joined_seq)
                  SELECT ?, ?, ?, coalesce(max(position), 0) + 1, ?, ?, ? FROM memberships
                  WHERE user_sub = ?
                  ON CONFLICT (list_seq, user_sub) DO NOTHING""");
          PreparedStatement members =
              connection.prepareStatement(
                  "UPDATE lists SET member_count = member_count + 1 WHERE seq = ?")) {
        for (int i = 0; i < lists.size(); i++) {
          membership.setLong(1, lists.get(i));
          membership.setString(2, sub);
          membership.setString(3, role.equals("mixed") ? (i % 2 == 0 ? "editor" : "viewer") : role);
          membership.setLong(4, now);
          membership.setLong(5, change);
          membership.setLong(6, change);
          membership.setString(7, sub);
          if (membership.executeUpdate() == 1) {
            members.setLong(1, lists.get(i));
            members.executeUpdate();
          }
        }
      }
    }
  }

  static Added seed(
      Connection connection,
      boolean postgres,
      String owner,
      List<Long> lists,
      long count,
      BufferedWriter ids,
      long sample,
      SplittableRandom random,
      long change)
      throws SQLException, IOException {
    long now = System.currentTimeMillis();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long[] positions = new long[lists.size()];
    for (int l = 0; l < lists.size(); l++) {
      positions[l] =
          number(
              connection,
              "SELECT coalesce(max(position), 0) FROM todos WHERE list_seq = ?",
              lists.get(l));
    }
    // SQLite: the row numbers are given here, so that the search index's rowid is the to-do's seq.
    // PostgreSQL: its identity column numbers the rows (a number given here would not move the
    // identity's sequence on, and the application's next insert would collide with it).
    long nextSeq = postgres ? 0 : number(connection, "SELECT coalesce(max(seq), 0) + 1 FROM todos");
    // ids from their own generator: unique across runs into the same file, content reproducible
    SplittableRandom idRandom =
        new SplittableRandom(System.nanoTime() ^ nextSeq ^ owner.hashCode());
    long rare = Long.parseLong(System.getenv().getOrDefault("SEED_RARE", "10"));
    long rareEvery = Math.max(1, count / Math.max(1, rare));
    long active = 0;
    var activeDue = new java.util.TreeMap<String, Long>();
    String columns =
        """
        id, list_seq, created_by, title, title_sort, notes, notes_fold, completed, completed_at,
        completed_by, due_date, priority, position, attachment_count, created_at, updated_at,
        version, change_seq""";
    String values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1, ?";
    try (PreparedStatement todo =
            connection.prepareStatement(
                postgres
                    ? "INSERT INTO todos (" + columns + ") VALUES (" + values + ")"
                    : "INSERT INTO todos (seq, " + columns + ") VALUES (?, " + values + ")");
        PreparedStatement search =
            postgres
                ? null
                : connection.prepareStatement(
                    "INSERT INTO todo_search (rowid, title, notes) VALUES (?, ?, ?)")) {
      for (long i = 0; i < count; i++) {
        int list = (int) (i % lists.size());
        String id = randomUuid(idRandom);
        String title =
            WORDS[random.nextInt(WORDS.length)]
                + " "
                + THINGS[random.nextInt(THINGS.length)]
                + (i % rareEvery == rareEvery / 2 && i / rareEvery < rare ? " quokka" : "")
                + " #"
                + (i + 1);
        String notes =
            random.nextInt(10) < 3 ? "remember the " + THINGS[random.nextInt(THINGS.length)] : null;
        boolean completed = random.nextInt(3) == 0;
        long created = now - (count - i) * 1000;
        String due =
            random.nextInt(10) < 4 ? today.plusDays(random.nextInt(731) - 365).toString() : null;
        int p = 1;
        if (!postgres) {
          todo.setLong(p++, nextSeq + i);
        }
        todo.setString(p++, id);
        todo.setLong(p++, lists.get(list));
        todo.setString(p++, owner);
        todo.setString(p++, title);
        todo.setString(p++, title.toLowerCase(Locale.ROOT));
        todo.setString(p++, notes);
        todo.setString(p++, notes == null ? null : notes.toLowerCase(Locale.ROOT));
        todo.setInt(p++, completed ? 1 : 0);
        if (completed) {
          todo.setLong(p++, created + 500);
          todo.setString(p++, owner);
        } else {
          todo.setNull(p++, java.sql.Types.BIGINT);
          todo.setNull(p++, java.sql.Types.VARCHAR);
          active++;
          if (due != null) {
            activeDue.merge(due, 1L, Long::sum);
          }
        }
        todo.setString(p++, due);
        todo.setInt(p++, random.nextInt(4));
        todo.setLong(p++, ++positions[list]);
        todo.setLong(p++, created);
        todo.setLong(p++, completed ? created + 500 : created);
        todo.setLong(p, change);
        todo.addBatch();
        if (search != null) {
          search.setLong(1, nextSeq + i);
          search.setString(2, title);
          search.setString(3, notes);
          search.addBatch();
        }
        if (ids != null && i < sample) {
          ids.write(owner + " " + id + "\n");
        }
        if (i % 10_000 == 9_999) {
          todo.executeBatch();
          if (search != null) {
            search.executeBatch();
          }
        }
      }
      todo.executeBatch();
      if (search != null) {
        search.executeBatch();
      }
    }
    return new Added(count, active, activeDue);
  }

  /**
   * The lists' counters and due counts, recounted from their live rows: exact whatever was there.
   * The lists changed at this change (counters) and so did their content.
   */
  static void recount(Connection connection, List<Long> lists, long change) throws SQLException {
    try (PreparedStatement counters =
            connection.prepareStatement(
                """
                UPDATE lists SET
                  todo_count = (SELECT count(*) FROM todos t
                                WHERE t.list_seq = lists.seq AND t.deleted_at IS NULL),
                  active_count = (SELECT count(*) FROM todos t
                                  WHERE t.list_seq = lists.seq AND t.deleted_at IS NULL
                                    AND t.completed = 0),
                  change_seq = ?,
                  content_seq = ?
                WHERE seq = ?""");
        PreparedStatement clear =
            connection.prepareStatement("DELETE FROM active_due_counts WHERE list_seq = ?");
        PreparedStatement due =
            connection.prepareStatement(
                """
                INSERT INTO active_due_counts (list_seq, due_date, active_count)
                SELECT list_seq, due_date, count(*) FROM todos
                WHERE list_seq = ? AND deleted_at IS NULL AND completed = 0
                  AND due_date IS NOT NULL
                GROUP BY list_seq, due_date""")) {
      for (long list : lists) {
        counters.setLong(1, change);
        counters.setLong(2, change);
        counters.setLong(3, list);
        counters.executeUpdate();
        clear.setLong(1, list);
        clear.executeUpdate();
        due.setLong(1, list);
        due.executeUpdate();
      }
    }
  }
}

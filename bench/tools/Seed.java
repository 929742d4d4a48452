import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeds to-dos straight into a SQLite file that the application has already migrated, in one
 * transaction, keeping what the application keeps in step: the {@code todo_search} rows (rowid =
 * {@code todos.seq}), the owner's {@code users} counters and {@code active_due_counts}. Run with
 * the application's jar on the class path (it carries sqlite-jdbc with FTS5 trigram support):
 *
 * <pre>java -cp bootstrap/target/todo.jar bench/tools/Seed.java DB OWNER COUNT [IDS_FILE [SAMPLE]]</pre>
 *
 * <p>OWNER may be a pattern with {@code %d} and a user count, {@code user-%d:100}: COUNT to-dos each
 * for user-1 … user-100. IDS_FILE receives "owner id" lines, at most SAMPLE (default 10,000) per
 * owner. Titles mix a few dozen words so that a common search term ("milk") hits about 2 % of the
 * to-dos, and exactly 10 to-dos per owner (env SEED_RARE) carry the rare word "quokka" (a
 * selective search).
 * A third of the to-dos are completed; 40 % have a due date within a year of today.
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

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Seed DB OWNER[-pattern:%d:users] COUNT [IDS_FILE [SAMPLE]]");
      System.exit(2);
    }
    Path db = Path.of(args[0]);
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

    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        BufferedWriter ids = idsFile == null ? null : Files.newBufferedWriter(idsFile)) {
      try (var statement = connection.createStatement()) {
        statement.execute("PRAGMA synchronous = OFF");
        statement.execute("PRAGMA cache_size = -262144");
        statement.execute("PRAGMA temp_store = MEMORY");
      }
      connection.setAutoCommit(false);
      for (int u = 1; u <= users; u++) {
        String sub = users == 1 && !owner.contains("%d") ? owner : String.format(owner, u);
        seed(connection, sub, count, ids, sample, new SplittableRandom(31L * sub.hashCode() + count));
      }
      connection.commit();
    }
    System.err.printf(
        "seeded %,d to-dos for %d owner(s) in %.1f s%n",
        count * users, users, (System.nanoTime() - started) / 1e9);
  }

  static void seed(
      Connection connection,
      String owner,
      long count,
      BufferedWriter ids,
      long sample,
      SplittableRandom random)
      throws SQLException, java.io.IOException {
    long now = System.currentTimeMillis();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long position = 0;
    long nextSeq;
    try (var statement = connection.createStatement()) {
      try (var result =
          statement.executeQuery(
              "SELECT coalesce(max(position), 0) FROM todos WHERE owner = '"
                  + owner.replace("'", "''")
                  + "'")) {
        result.next();
        position = result.getLong(1);
      }
      try (var result = statement.executeQuery("SELECT coalesce(max(seq), 0) + 1 FROM todos")) {
        result.next();
        nextSeq = result.getLong(1);
      }
    }
    try (PreparedStatement user =
        connection.prepareStatement(
            """
            INSERT INTO users (sub, created_at, todo_count, completed_count) VALUES (?, ?, 0, 0)
            ON CONFLICT (sub) DO NOTHING""")) {
      user.setString(1, owner);
      user.setLong(2, now - count * 1000);
      user.executeUpdate();
    }
    long completedCount = 0;
    // ids from their own generator: unique across runs into the same file, content reproducible
    SplittableRandom idRandom = new SplittableRandom(System.nanoTime() ^ nextSeq);
    long rare = Long.parseLong(System.getenv().getOrDefault("SEED_RARE", "10"));
    long rareEvery = Math.max(1, count / Math.max(1, rare));
    try (PreparedStatement todo =
            connection.prepareStatement(
                """
                INSERT INTO todos (seq, id, owner, title, title_sort, notes, completed,
                  completed_at, due_date, priority, position, attachment_count, created_at,
                  updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1)""");
        PreparedStatement search =
            connection.prepareStatement(
                "INSERT INTO todo_search (rowid, title, notes) VALUES (?, ?, ?)")) {
      for (long i = 0; i < count; i++) {
        long seq = nextSeq + i;
        String id =
            new UUID(
                    idRandom.nextLong() & ~0xF000L | 0x4000L,
                    idRandom.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
                .toString();
        String title =
            WORDS[random.nextInt(WORDS.length)]
                + " "
                + THINGS[random.nextInt(THINGS.length)]
                + (i % rareEvery == rareEvery / 2 && i / rareEvery < rare ? " quokka" : "")
                + " #"
                + (i + 1);
        String notes = random.nextInt(10) < 3 ? "remember the " + THINGS[random.nextInt(THINGS.length)] : null;
        boolean completed = random.nextInt(3) == 0;
        long created = now - (count - i) * 1000;
        String due =
            random.nextInt(10) < 4 ? today.plusDays(random.nextInt(731) - 365).toString() : null;
        todo.setLong(1, seq);
        todo.setString(2, id);
        todo.setString(3, owner);
        todo.setString(4, title);
        todo.setString(5, title.toLowerCase(java.util.Locale.ROOT));
        todo.setString(6, notes);
        todo.setInt(7, completed ? 1 : 0);
        if (completed) {
          todo.setLong(8, created + 500);
        } else {
          todo.setNull(8, java.sql.Types.INTEGER);
        }
        todo.setString(9, due);
        todo.setInt(10, random.nextInt(4));
        todo.setLong(11, position + i + 1);
        todo.setLong(12, created);
        todo.setLong(13, completed ? created + 500 : created);
        todo.addBatch();
        search.setLong(1, seq);
        search.setString(2, title);
        search.setString(3, notes);
        search.addBatch();
        if (completed) {
          completedCount++;
        }
        if (ids != null && i < sample) {
          ids.write(owner + " " + id + "\n");
        }
        if (i % 10_000 == 9_999) {
          todo.executeBatch();
          search.executeBatch();
        }
      }
      todo.executeBatch();
      search.executeBatch();
    }
    try (PreparedStatement counters =
        connection.prepareStatement(
            """
            UPDATE users SET todo_count = todo_count + ?, completed_count = completed_count + ?
            WHERE sub = ?""")) {
      counters.setLong(1, count);
      counters.setLong(2, completedCount);
      counters.setString(3, owner);
      counters.executeUpdate();
    }
    try (PreparedStatement clear =
            connection.prepareStatement("DELETE FROM active_due_counts WHERE owner = ?");
        PreparedStatement recount =
            connection.prepareStatement(
                """
                INSERT INTO active_due_counts (owner, due_date, active_count)
                SELECT owner, due_date, count(*) FROM todos
                WHERE owner = ? AND completed = 0 AND due_date IS NOT NULL
                GROUP BY due_date""")) {
      clear.setString(1, owner);
      clear.executeUpdate();
      recount.setString(1, owner);
      recount.executeUpdate();
    }
  }
}

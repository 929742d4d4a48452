-- Every to-do is in exactly one list. Each user who has to-dos and no default list yet gets one
-- ("Inbox"), and their to-dos move into it at their old positions. The list's counters replace the
-- per-user ones; the due counts become per list.
--
-- todos gets a NOT NULL list reference, which SQLite cannot add to an existing table, so the table
-- is rebuilt. Dropping the old todos while foreign keys are on would cascade to attachments and
-- delete every row (and foreign keys cannot be switched off inside Flyway's transaction), so
-- attachments is rebuilt with it: both new tables are filled first, then the old ones dropped
-- (attachments first) and the new ones renamed (SQLite rewrites the references). seq values are
-- kept, so the search index's rowids stay valid.

-- Default lists. The ids are random UUIDs (version 4 layout) made here: a data migration.
INSERT INTO lists (id, owner, name, is_default, todo_count, active_count, member_count,
                   created_at, updated_at, version)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
           || substr(lower(hex(randomblob(2))), 2) || '-'
           || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
           || '-' || lower(hex(randomblob(6))),
       u.sub, 'Inbox', 1, 0, 0, 1, u.created_at, u.created_at, 1
FROM users u
WHERE EXISTS (SELECT 1 FROM todos t WHERE t.owner = u.sub)
  AND NOT EXISTS (SELECT 1 FROM lists l WHERE l.owner = u.sub AND l.is_default = 1);

-- The owner's membership of a new default list: first among their lists.
INSERT INTO memberships (list_seq, user_sub, role, position, added_at)
SELECT l.seq, l.owner, 'owner',
       (SELECT coalesce(min(m.position), 1) - 1 FROM memberships m WHERE m.user_sub = l.owner),
       l.created_at
FROM lists l
WHERE l.is_default = 1
  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.list_seq = l.seq);

CREATE TABLE todos_in_lists (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    list_seq         INTEGER NOT NULL REFERENCES lists (seq) ON DELETE CASCADE,
    created_by       TEXT,
    title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    title_sort       TEXT    NOT NULL,
    notes            TEXT    CHECK (notes IS NULL OR length(notes) <= 10000),
    completed        INTEGER NOT NULL CHECK (completed IN (0, 1)),
    completed_at     INTEGER,
    completed_by     TEXT,
    due_date         TEXT    CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    priority         INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    position         INTEGER NOT NULL,
    attachment_count INTEGER NOT NULL DEFAULT 0 CHECK (attachment_count >= 0),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL CHECK (version >= 1),
    CHECK ((completed = 1) = (completed_at IS NOT NULL)),
    CHECK (completed = 1 OR completed_by IS NULL)
);

-- created_by and completed_by are user ids kept as facts of the past (no foreign key): erasing an
-- account sets them to NULL explicitly.
-- Before lists, the owner created and completed their own to-dos.
INSERT INTO todos_in_lists (seq, id, list_seq, created_by, title, title_sort, notes, completed,
                            completed_at, completed_by, due_date, priority, position,
                            attachment_count, created_at, updated_at, version)
SELECT t.seq, t.id, l.seq, t.owner, t.title, t.title_sort, t.notes, t.completed,
       t.completed_at, CASE WHEN t.completed = 1 THEN t.owner END, t.due_date, t.priority,
       t.position, t.attachment_count, t.created_at, t.updated_at, t.version
FROM todos t JOIN lists l ON l.owner = t.owner AND l.is_default = 1;

CREATE TABLE attachments_in_lists (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    todo_seq     INTEGER NOT NULL REFERENCES todos_in_lists (seq) ON DELETE CASCADE,
    filename     TEXT    NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type TEXT    NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    created_at   INTEGER NOT NULL
);
INSERT INTO attachments_in_lists SELECT seq, id, todo_seq, filename, content_type, size_bytes,
                                        sha256, created_at FROM attachments;

DROP TABLE attachments;
DROP TABLE active_due_counts;
DROP TABLE todos;
ALTER TABLE todos_in_lists RENAME TO todos;
ALTER TABLE attachments_in_lists RENAME TO attachments;

-- One index per sort order, each starting with the list and ending with the tie-breakers, so that
-- a page of one list is read in index order without a sort step (and a page across lists merges
-- one such read per list).
CREATE INDEX todos_by_list_position ON todos (list_seq, position, created_at, id);
CREATE INDEX todos_by_list_created ON todos (list_seq, created_at, id);
CREATE INDEX todos_by_list_updated ON todos (list_seq, updated_at, created_at, id);
CREATE INDEX todos_by_list_priority ON todos (list_seq, priority, created_at, id);
CREATE INDEX todos_by_list_title ON todos (list_seq, title_sort, created_at, id);
-- To-dos without a due date come last in both directions, hence one index per direction.
CREATE INDEX todos_by_list_due_asc ON todos (list_seq, due_date IS NULL, due_date, created_at, id);
CREATE INDEX todos_by_list_due_desc ON todos (list_seq, due_date IS NULL, due_date DESC, created_at DESC, id DESC);
-- Status filters.
CREATE INDEX todos_by_list_completed_due ON todos (list_seq, completed, due_date);
-- Due-date views (today, upcoming) whatever the status.
CREATE INDEX todos_by_list_due ON todos (list_seq, due_date);
CREATE INDEX attachments_by_todo ON attachments (todo_seq, created_at, id);

-- Per-list counters, exact for what moved in.
UPDATE lists SET
    todo_count = (SELECT count(*) FROM todos t WHERE t.list_seq = lists.seq),
    active_count = (SELECT count(*) FROM todos t WHERE t.list_seq = lists.seq AND t.completed = 0);

-- How many active to-dos each list has due on each date: overdue and due today are sums over dates.
CREATE TABLE active_due_counts (
    list_seq     INTEGER NOT NULL REFERENCES lists (seq) ON DELETE CASCADE,
    due_date     TEXT    NOT NULL,
    active_count INTEGER NOT NULL CHECK (active_count >= 0),
    PRIMARY KEY (list_seq, due_date)
) WITHOUT ROWID;
INSERT INTO active_due_counts (list_seq, due_date, active_count)
SELECT list_seq, due_date, count(*) FROM todos
WHERE completed = 0 AND due_date IS NOT NULL
GROUP BY list_seq, due_date;

-- The per-user counters are the lists' now.
ALTER TABLE users DROP COLUMN completed_count;
ALTER TABLE users DROP COLUMN todo_count;

-- Users appear on their first write. The counters are derived data kept exact by the application
-- in the same transaction as the to-dos they count, so that totals never scan the owner's rows.
CREATE TABLE users (
    sub             TEXT    NOT NULL PRIMARY KEY,
    email           TEXT,
    name            TEXT,
    created_at      INTEGER NOT NULL,
    todo_count      INTEGER NOT NULL DEFAULT 0 CHECK (todo_count >= 0),
    completed_count INTEGER NOT NULL DEFAULT 0 CHECK (completed_count >= 0 AND completed_count <= todo_count)
) WITHOUT ROWID;

-- seq is the rowid: compact keys for the indexes and the row id of the search index.
-- Timestamps are epoch milliseconds (UTC); due_date is an ISO date; priority is its rank
-- (0 none, 1 low, 2 medium, 3 high) so that it sorts by rank.
CREATE TABLE todos (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    owner            TEXT    NOT NULL REFERENCES users (sub),
    title            TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    title_sort       TEXT    NOT NULL,
    notes            TEXT    CHECK (notes IS NULL OR length(notes) <= 10000),
    completed        INTEGER NOT NULL CHECK (completed IN (0, 1)),
    completed_at     INTEGER,
    due_date         TEXT    CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    priority         INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
    position         INTEGER NOT NULL,
    attachment_count INTEGER NOT NULL DEFAULT 0 CHECK (attachment_count >= 0),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL CHECK (version >= 1),
    CHECK ((completed = 1) = (completed_at IS NOT NULL))
);

-- One index per sort order, each starting with the owner and ending with the tie-breakers,
-- so that a page is read in index order without a sort step.
CREATE INDEX todos_by_owner_position ON todos (owner, position, created_at, id);
CREATE INDEX todos_by_owner_created ON todos (owner, created_at, id);
CREATE INDEX todos_by_owner_updated ON todos (owner, updated_at, created_at, id);
CREATE INDEX todos_by_owner_priority ON todos (owner, priority, created_at, id);
CREATE INDEX todos_by_owner_title ON todos (owner, title_sort, created_at, id);
-- To-dos without a due date come last in both directions, hence one index per direction.
CREATE INDEX todos_by_owner_due_asc ON todos (owner, due_date IS NULL, due_date, created_at, id);
CREATE INDEX todos_by_owner_due_desc ON todos (owner, due_date IS NULL, due_date DESC, created_at DESC, id DESC);
-- Status filters, and the overdue / due-today counts of the stats.
CREATE INDEX todos_by_owner_completed_due ON todos (owner, completed, due_date);

-- Substring search over title and notes. Contentless: the text lives in todos only; the rowid is
-- todos.seq. Kept in step by the application in the same transaction as the to-do (no triggers).
CREATE VIRTUAL TABLE todo_search USING fts5 (
    title, notes, content = '', contentless_delete = 1, tokenize = 'trigram'
);

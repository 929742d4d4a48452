-- The trash and the audit log.
--
-- A trashed to-do keeps its row (and so its attachments, steps, position and version): deleted_at
-- says since when it is in the trash, deleted_by who put it there (a user id kept as a fact of the
-- past, like created_by: no foreign key). Every read of live to-dos adds "deleted_at IS NULL", and
-- the indexes of those reads become partial on the same condition, so that trashed rows cost the
-- live reads nothing however full the trash is. The trash has indexes of its own.
ALTER TABLE todos ADD COLUMN deleted_at INTEGER;
ALTER TABLE todos ADD COLUMN deleted_by TEXT;

DROP INDEX todos_by_list_position;
DROP INDEX todos_by_list_created;
DROP INDEX todos_by_list_updated;
DROP INDEX todos_by_list_priority;
DROP INDEX todos_by_list_title;
DROP INDEX todos_by_list_due_asc;
DROP INDEX todos_by_list_due_desc;
DROP INDEX todos_by_list_completed_due;
DROP INDEX todos_by_list_due;
CREATE INDEX todos_by_list_position ON todos (list_seq, position, created_at, id)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_created ON todos (list_seq, created_at, id)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_updated ON todos (list_seq, updated_at, created_at, id)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_priority ON todos (list_seq, priority, created_at, id)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_title ON todos (list_seq, title_sort, created_at, id)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_due_asc ON todos (list_seq, due_date IS NULL, due_date, created_at, id)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_due_desc
    ON todos (list_seq, due_date IS NULL, due_date DESC, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_completed_due ON todos (list_seq, completed, due_date)
    WHERE deleted_at IS NULL;
CREATE INDEX todos_by_list_due ON todos (list_seq, due_date)
    WHERE deleted_at IS NULL;

-- A list's trash, most recently deleted first; the purge, oldest first.
CREATE INDEX todos_in_trash ON todos (list_seq, deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX todos_trashed_at ON todos (deleted_at) WHERE deleted_at IS NOT NULL;

-- One row per change, appended in the change's transaction. Ids of lists and to-dos are kept as
-- text without foreign keys: an event outlives what it names. actor is a user id (null for the
-- service's own routines and once the account is erased); changes is a JSON object.
CREATE TABLE audit_events (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    at         INTEGER NOT NULL,
    actor      TEXT,
    action     TEXT    NOT NULL,
    list_id    TEXT,
    todo_id    TEXT,
    request_id TEXT,
    changes    TEXT    NOT NULL
);
-- A list's feed and an actor's events, newest first (by seq, the order of appending).
CREATE INDEX audit_events_by_list ON audit_events (list_id, seq) WHERE list_id IS NOT NULL;
CREATE INDEX audit_events_by_actor ON audit_events (actor, seq) WHERE actor IS NOT NULL;
-- The retention purge and the admin's time filters.
CREATE INDEX audit_events_by_time ON audit_events (at);

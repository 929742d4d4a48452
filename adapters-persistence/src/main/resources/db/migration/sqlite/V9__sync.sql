-- Incremental sync. Every write that changes a list, a membership, a to-do or a step gives what it
-- touched the write's change number (change_seq), taken from sync_clock in the write's own
-- transaction by the application; the single writer makes the numbers grow in commit order.
-- lists.content_seq is the last change of anything in the list, so that a sync skips unchanged
-- lists without reading their rows. What a write removes is kept for the retention period:
-- removed_from_lists (a to-do or step gone from a list) and removed_for_users (a list gone for a
-- user: deleted, left, removed). forgotten_through is the highest change whose removals were
-- forgotten: a cursor before it cannot be served. Everything that exists now is at change 0.
CREATE TABLE sync_clock (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    latest            INTEGER NOT NULL CHECK (latest >= 0),
    forgotten_through INTEGER NOT NULL CHECK (forgotten_through >= 0)
);
INSERT INTO sync_clock (id, latest, forgotten_through) VALUES (1, 0, 0);

ALTER TABLE lists ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lists ADD COLUMN content_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE memberships ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE memberships ADD COLUMN joined_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE todos ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
-- A step's list is its to-do's, kept on the step so that a list's changed steps are one range.
ALTER TABLE steps ADD COLUMN list_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE steps ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
UPDATE steps SET list_seq = (SELECT t.list_seq FROM todos t WHERE t.seq = steps.todo_seq);

CREATE INDEX todos_by_list_change ON todos (list_seq, change_seq, id) WHERE deleted_at IS NULL;
CREATE INDEX steps_by_list_change ON steps (list_seq, change_seq, id);

-- type is 'todo' or 'step'. One row per entity and list: a later removal replaces it.
CREATE TABLE removed_from_lists (
    list_seq   INTEGER NOT NULL REFERENCES lists (seq) ON DELETE CASCADE,
    type       TEXT    NOT NULL CHECK (type IN ('todo', 'step')),
    entity_id  TEXT    NOT NULL,
    change_seq INTEGER NOT NULL,
    removed_at INTEGER NOT NULL,
    PRIMARY KEY (list_seq, entity_id)
) WITHOUT ROWID;
CREATE INDEX removed_from_lists_by_change ON removed_from_lists (list_seq, change_seq, entity_id);
CREATE INDEX removed_from_lists_by_time ON removed_from_lists (removed_at);

-- The list is kept by id: it may be gone. No foreign key to users either: a fact of the past.
CREATE TABLE removed_for_users (
    user_sub   TEXT    NOT NULL,
    list_id    TEXT    NOT NULL,
    change_seq INTEGER NOT NULL,
    removed_at INTEGER NOT NULL,
    PRIMARY KEY (user_sub, list_id)
) WITHOUT ROWID;
CREATE INDEX removed_for_users_by_change ON removed_for_users (user_sub, change_seq, list_id);
CREATE INDEX removed_for_users_by_time ON removed_for_users (removed_at);

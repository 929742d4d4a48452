-- A to-do's checklist. A step references its to-do by the to-do's row (seq), so it moves with the
-- to-do to another list and stays with it in the trash; it goes with the row (ON DELETE CASCADE: a
-- foreign-key action, not a trigger). Positions order a to-do's steps like to-do positions, ties
-- by creation time, then id.
CREATE TABLE steps (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    todo_seq   INTEGER NOT NULL REFERENCES todos (seq) ON DELETE CASCADE,
    title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    completed  INTEGER NOT NULL CHECK (completed IN (0, 1)),
    position   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL CHECK (updated_at >= created_at)
);

-- A to-do's steps in order, the next position (its highest), and the cascade's lookup.
CREATE INDEX steps_by_todo_position ON steps (todo_seq, position, created_at, id);

-- The to-do's counters, kept exact by the application in the same transaction as the steps' rows.
ALTER TABLE todos ADD COLUMN step_count INTEGER NOT NULL DEFAULT 0 CHECK (step_count >= 0);
ALTER TABLE todos ADD COLUMN steps_completed INTEGER NOT NULL DEFAULT 0
    CHECK (steps_completed >= 0 AND steps_completed <= step_count);

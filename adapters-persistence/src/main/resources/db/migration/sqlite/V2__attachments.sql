-- Metadata of the files of to-dos; the bytes live in the object store under
-- todos/<todo id>/<attachment id>. A row goes with its to-do (ON DELETE CASCADE: a foreign-key
-- action, not a trigger); todos.attachment_count is kept exact by the application in the same
-- transaction as the rows.
CREATE TABLE attachments (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    todo_seq     INTEGER NOT NULL REFERENCES todos (seq) ON DELETE CASCADE,
    filename     TEXT    NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type TEXT    NOT NULL CHECK (length(content_type) BETWEEN 1 AND 255),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    created_at   INTEGER NOT NULL
);

-- A to-do's list in order, and the cascade's lookup.
CREATE INDEX attachments_by_todo ON attachments (todo_seq, created_at, id);

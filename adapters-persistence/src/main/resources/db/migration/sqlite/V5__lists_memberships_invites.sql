-- Lists of to-dos, their memberships and invite links. Each list is owned by one user and shared
-- with others through memberships; the owner is a member too (role 'owner'). The counters are
-- derived data kept exact by the application in the same transaction as what they count. Every
-- user has at most one default list.
CREATE TABLE lists (
    seq          INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL UNIQUE,
    owner        TEXT    NOT NULL REFERENCES users (sub),
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    is_default   INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    todo_count   INTEGER NOT NULL DEFAULT 0 CHECK (todo_count >= 0),
    active_count INTEGER NOT NULL DEFAULT 0 CHECK (active_count >= 0 AND active_count <= todo_count),
    member_count INTEGER NOT NULL DEFAULT 1 CHECK (member_count >= 1),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1)
);
CREATE UNIQUE INDEX lists_one_default_per_owner ON lists (owner) WHERE is_default = 1;

-- Who is in which list, with which role, and where each member puts the list among their own.
-- Deleting a list deletes its memberships (a foreign-key action, not a trigger).
CREATE TABLE memberships (
    list_seq INTEGER NOT NULL REFERENCES lists (seq) ON DELETE CASCADE,
    user_sub TEXT    NOT NULL REFERENCES users (sub),
    role     TEXT    NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    position INTEGER NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (list_seq, user_sub)
) WITHOUT ROWID;
-- A user's lists in their own order; the caller's role on a list is the primary key's lookup.
CREATE INDEX memberships_by_user ON memberships (user_sub, position, list_seq);

-- Invite links. Only the token's SHA-256 is stored; an invite goes with its list. A revoked
-- invite is deleted; an expired one stays until its list goes (or a later purge).
CREATE TABLE invites (
    seq        INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL UNIQUE,
    list_seq   INTEGER NOT NULL REFERENCES lists (seq) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    role       TEXT    NOT NULL CHECK (role IN ('editor', 'viewer')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX invites_by_list ON invites (list_seq, expires_at);

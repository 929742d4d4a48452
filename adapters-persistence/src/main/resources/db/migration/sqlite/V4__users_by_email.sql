-- Users are found by e-mail (adding a member to a list), case-insensitively. email_key is the
-- e-mail as the application compares it (trimmed, lower-cased in Java: SQLite's lower() folds ASCII
-- only); rows from before are keyed with lower() here and re-keyed by the application on the
-- user's next request when the two differ.
ALTER TABLE users ADD COLUMN email_key TEXT;
UPDATE users SET email_key = lower(trim(email)) WHERE email IS NOT NULL;
CREATE INDEX users_by_email_key ON users (email_key, created_at, sub);

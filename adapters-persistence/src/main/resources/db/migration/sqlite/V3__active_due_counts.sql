-- Derived data for the stats: how many active to-dos each owner has due on each date, kept exact by
-- the application in the same transaction as the to-dos. Overdue and due-today become sums over
-- dates (O(distinct dates)) instead of counts over rows (O(active to-dos)).
CREATE TABLE active_due_counts (
    owner        TEXT    NOT NULL REFERENCES users (sub),
    due_date     TEXT    NOT NULL,
    active_count INTEGER NOT NULL CHECK (active_count >= 0),
    PRIMARY KEY (owner, due_date)
) WITHOUT ROWID;

INSERT INTO active_due_counts (owner, due_date, active_count)
SELECT owner, due_date, count(*)
FROM todos
WHERE completed = 0 AND due_date IS NOT NULL
GROUP BY owner, due_date;

-- notes_fold: the notes case-folded by the application (Unicode's lower case, Text.caseFolded),
-- which the search compares through its trigram index: lower() under the "C" collation of ctext
-- folds ASCII only, so "Äpfel" did not match "äpfel". Filled for existing rows by
-- FoldNotesMigration.
ALTER TABLE todos ADD COLUMN notes_fold ctext;
DROP INDEX todos_notes_trigrams;
CREATE INDEX todos_notes_trigrams ON todos USING gin (notes_fold gin_trgm_ops) WHERE deleted_at IS NULL;

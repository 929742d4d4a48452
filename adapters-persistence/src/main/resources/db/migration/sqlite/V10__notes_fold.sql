-- notes_fold: the notes case-folded by the application (Unicode's lower case, Text.caseFolded),
-- what a search of one or two characters compares (LIKE folds ASCII only; longer text goes through
-- the FTS5 trigram index, which folds by itself). Filled for existing rows by FoldNotesMigration.
ALTER TABLE todos ADD COLUMN notes_fold TEXT;

-- The item catalog: one row per item with its metadata as JSON (NULL once deleted: the row stays as a tombstone, so
-- that every silo reading the changes learns of the deletion), the revision of its last change and when that was
-- (UTC ticks). Rows are never removed, so MAX(revision) only grows and a revision is never handed out twice.
CREATE TABLE catalog (
    item_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL UNIQUE,
    metadata TEXT,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- API keys, by the SHA-256 of the key (never the key): looked up by hash on every request that carries one. Times are
-- UTC ticks; last_used_at is NULL until a silo flushes a use of the key.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    scope TEXT NOT NULL,
    hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
) WITHOUT ROWID;

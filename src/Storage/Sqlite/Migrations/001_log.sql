-- The interaction log: numbered per partition by its single writer, clustered by (partition, seq) for the
-- retraining's sequential reads, indexed by user for replays and erasure.
CREATE TABLE interaction_log (
    partition INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    type INTEGER NOT NULL,
    value REAL,
    ts INTEGER NOT NULL,
    event_id TEXT,
    PRIMARY KEY (partition, seq)
) WITHOUT ROWID;

CREATE INDEX interaction_log_by_user ON interaction_log (user_id, seq);
CREATE UNIQUE INDEX interaction_log_event_ids ON interaction_log (user_id, event_id) WHERE event_id IS NOT NULL;

-- The highest sequence each partition ever stored, erased entries included, and its stored events.
CREATE TABLE log_partitions (
    partition INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    events INTEGER NOT NULL
);

-- Events per user and per item, so that the engine's counts cost a count of keys, not a scan of the log.
CREATE TABLE log_users (user_id TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE log_items (item_id TEXT PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;

-- Each erasure, so a reader that kept earlier events drops the user's without re-reading the log.
CREATE TABLE log_erasures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    erased_at INTEGER NOT NULL
);

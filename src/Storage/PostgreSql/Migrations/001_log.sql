-- The interaction log: numbered per partition by its single writer, keyed by (partition, seq) for the retraining's
-- sequential reads, indexed by user for replays and erasure. Not partitioned by partition: a unique index on a
-- partitioned table must include the partition key, and (user_id, event_id) must be unique across the whole log.
-- ts is the event's instant in UTC ticks (100 ns since 0001-01-01): exact for a DateTimeOffset, unlike timestamptz's microseconds.
CREATE TABLE aiaas_interaction_log (
    partition integer NOT NULL,
    seq bigint NOT NULL,
    user_id text NOT NULL,
    item_id text NOT NULL,
    type integer NOT NULL,
    value real,
    ts bigint NOT NULL,
    event_id text,
    PRIMARY KEY (partition, seq)
);

CREATE INDEX aiaas_interaction_log_by_user ON aiaas_interaction_log (user_id, seq);
CREATE UNIQUE INDEX aiaas_interaction_log_event_ids ON aiaas_interaction_log (user_id, event_id) WHERE event_id IS NOT NULL;

-- The highest sequence each partition ever stored, erased entries included, and its stored events.
CREATE TABLE aiaas_log_partitions (
    partition integer PRIMARY KEY,
    last_seq bigint NOT NULL,
    events bigint NOT NULL
);

-- Events per user and per item, so that the engine's counts cost a count of keys, not a scan of the log.
CREATE TABLE aiaas_log_users (user_id text PRIMARY KEY, events bigint NOT NULL);
CREATE TABLE aiaas_log_items (item_id text PRIMARY KEY, events bigint NOT NULL);

-- Each erasure, so a reader that kept earlier events drops the user's without re-reading the log. Erasures take a
-- lock on this table, so ids are handed out in commit order and a reader that saw id n never misses a smaller one.
CREATE TABLE aiaas_log_erasures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id text NOT NULL,
    erased_at timestamptz NOT NULL DEFAULT now()
);

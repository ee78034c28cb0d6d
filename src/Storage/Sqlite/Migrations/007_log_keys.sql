-- The log's rows name their user and item by integer keys instead of the ids' text. A training reads every row of the
-- log, and decoding and looking up two strings per row was most of that read's cost; the rows and the (user, seq)
-- index, written on every append, are also smaller. log_users and log_items hand out the keys (AUTOINCREMENT: a key
-- is never given again, even after its user is erased, so a reader may remember what a key names).
-- Both are rebuilt from the log itself, which is what they list.
CREATE TABLE log_users_keyed (key INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL UNIQUE);
INSERT INTO log_users_keyed (user_id) SELECT DISTINCT user_id FROM interaction_log ORDER BY user_id;

CREATE TABLE log_items_keyed (key INTEGER PRIMARY KEY AUTOINCREMENT, item_id TEXT NOT NULL UNIQUE, events INTEGER NOT NULL);
INSERT INTO log_items_keyed (item_id, events) SELECT item_id, COUNT(*) FROM interaction_log GROUP BY item_id ORDER BY item_id;

CREATE TABLE interaction_log_keyed (
    partition INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    user_key INTEGER NOT NULL,
    item_key INTEGER NOT NULL,
    type INTEGER NOT NULL,
    value REAL,
    ts INTEGER NOT NULL,
    event_id TEXT,
    PRIMARY KEY (partition, seq)
) WITHOUT ROWID;

INSERT INTO interaction_log_keyed (partition, seq, user_key, item_key, type, value, ts, event_id)
SELECT l.partition, l.seq, u.key, i.key, l.type, l.value, l.ts, l.event_id
FROM interaction_log l
JOIN log_users_keyed u ON u.user_id = l.user_id
JOIN log_items_keyed i ON i.item_id = l.item_id
ORDER BY l.partition, l.seq;

DROP TABLE interaction_log;
DROP TABLE log_users;
DROP TABLE log_items;
ALTER TABLE interaction_log_keyed RENAME TO interaction_log;
ALTER TABLE log_users_keyed RENAME TO log_users;
ALTER TABLE log_items_keyed RENAME TO log_items;

CREATE INDEX interaction_log_by_user ON interaction_log (user_key, seq);
CREATE UNIQUE INDEX interaction_log_event_ids ON interaction_log (user_key, event_id) WHERE event_id IS NOT NULL;

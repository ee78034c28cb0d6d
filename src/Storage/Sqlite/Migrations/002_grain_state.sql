-- Orleans grain state (users, items, trending, retraining, catalog deltas): one row per grain and state name.
CREATE TABLE grain_state (
    state_name TEXT NOT NULL,
    grain_id TEXT NOT NULL,
    etag INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (state_name, grain_id)
);

-- Model versions: a version's row is written in the same transaction as its chunks, so a listed version is whole.
CREATE TABLE models (
    version INTEGER PRIMARY KEY,
    stored_at INTEGER NOT NULL
);

CREATE TABLE model_chunks (
    version INTEGER NOT NULL,
    blob TEXT NOT NULL,
    n INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (version, blob, n)
);

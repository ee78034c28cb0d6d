-- Model versions: a version's row is written in the same transaction as its chunks, so a listed version is whole.
CREATE TABLE aiaas_models (
    version bigint PRIMARY KEY,
    stored_at timestamptz NOT NULL DEFAULT now()
);

-- Each blob of a version (the snapshot, the ONNX graph) in chunks of at most ChunkedBlob.ChunkSize bytes.
CREATE TABLE aiaas_model_chunks (
    version bigint NOT NULL REFERENCES aiaas_models (version) ON DELETE CASCADE,
    blob text NOT NULL,
    n integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (version, blob, n)
);

-- Factors are floats that do not compress: store them out of line without trying.
ALTER TABLE aiaas_model_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

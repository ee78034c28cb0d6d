-- API keys, by the SHA-256 of the key (never the key): looked up by hash on every request that carries one. Times are
-- UTC ticks, as the log's; last_used_at is NULL until a silo flushes a use of the key.
CREATE TABLE aiaas_api_keys (
    id text PRIMARY KEY,
    name text NOT NULL,
    scope text NOT NULL,
    hash bytea NOT NULL UNIQUE,
    created_at bigint NOT NULL,
    last_used_at bigint
);

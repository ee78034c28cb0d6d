-- The item catalog: one row per item with its metadata as JSON (NULL once deleted: the row stays as a tombstone, so
-- that every silo reading the changes learns of the deletion), the revision of its last change and when that was
-- (UTC ticks, as the log's ts). The JSON is text, not jsonb: jsonb refuses a \u0000 in a string, which a title may
-- hold, and nothing queries inside it.
CREATE TABLE aiaas_catalog (
    item_id text PRIMARY KEY,
    revision bigint NOT NULL UNIQUE,
    metadata text,
    updated_at bigint NOT NULL
);

-- The last revision handed out, in one row. Every change updates it first and holds its lock until it commits, so
-- changes from any number of silos commit one at a time in revision order: a reader that has seen revision R never
-- later finds a change below R. Catalog changes are rare; a rolled-back change gives its revision back.
CREATE TABLE aiaas_catalog_revision (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    value bigint NOT NULL
);

INSERT INTO aiaas_catalog_revision (value) VALUES (0);

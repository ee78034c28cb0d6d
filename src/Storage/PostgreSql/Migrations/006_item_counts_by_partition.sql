-- Each item's event count was one row shared by every partition's writer: an append updated the counts of the items
-- it named, so appends of different partitions waited for each other's commits whenever they shared an item (almost
-- always), and the log's writers ran one after another. The counts now live per partition, each row written by that
-- partition's writer alone (and by erasures, which hold the appends off while they run); aiaas_log_items only lists
-- the items, and an append adds the items it has not seen without locking those it has.
CREATE TABLE aiaas_log_item_counts (
    partition integer NOT NULL,
    item_id text NOT NULL,
    events bigint NOT NULL,
    PRIMARY KEY (partition, item_id)
);

INSERT INTO aiaas_log_item_counts (partition, item_id, events)
SELECT partition, item_id, COUNT(*) FROM aiaas_interaction_log GROUP BY partition, item_id;

ALTER TABLE aiaas_log_items DROP COLUMN events;

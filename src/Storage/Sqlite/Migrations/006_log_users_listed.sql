-- log_users lists the users the log holds, for the engine's count of users. Its per-user event count was rewritten
-- on every append (a page of the table dirtied and written to the WAL for nearly every user in a commit) and read by
-- nothing; an append now only adds users it has not seen.
ALTER TABLE log_users DROP COLUMN events;

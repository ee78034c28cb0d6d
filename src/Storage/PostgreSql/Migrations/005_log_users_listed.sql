-- aiaas_log_users lists the users the log holds, for the engine's count of users. Its per-user event count was
-- updated on every append (a new row version for nearly every user in a batch) and read by nothing; an append now
-- only adds users it has not seen.
ALTER TABLE aiaas_log_users DROP COLUMN events;

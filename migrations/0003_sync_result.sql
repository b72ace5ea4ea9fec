-- What the last calendar sync did (created/updated/deleted/failed), for /sync and /status.
ALTER TABLE users ADD COLUMN last_sync_result jsonb;

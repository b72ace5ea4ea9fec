-- Durable change propagation (issue 12): whatever changes what a user's calendar should hold
-- (a scrape, a platform / reminder / time-zone change, a connect) sets sync_wanted_at in the same
-- transaction. The worker's sweeper queues a sync for every marked user; a sync that succeeds
-- clears the mark only if it is still the value it saw when it began, so a change that lands
-- during a sync is never lost.
ALTER TABLE users ADD COLUMN sync_wanted_at timestamptz;
CREATE INDEX users_sync_wanted_idx ON users (sync_wanted_at) WHERE sync_wanted_at IS NOT NULL;

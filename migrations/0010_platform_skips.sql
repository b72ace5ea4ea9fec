-- Per scrape: how many entries the platform listed, how many were skipped as unreadable and
-- why ({"lack startTime": 23}), so a changed format shows next to the platform on `/`.
ALTER TABLE platform_health
    ADD COLUMN entries_seen    integer NOT NULL DEFAULT 0 CHECK (entries_seen >= 0),
    ADD COLUMN entries_skipped integer NOT NULL DEFAULT 0 CHECK (entries_skipped >= 0),
    ADD COLUMN skip_reasons    jsonb   NOT NULL DEFAULT '{}'::jsonb
                               CHECK (jsonb_typeof(skip_reasons) = 'object');

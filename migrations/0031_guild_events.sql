-- Discord guild scheduled events mirroring contests (issue 10): one row per (server, contest)
-- recorded as each create/update lands, so a crash mid-way resumes without duplicates.
CREATE TABLE guild_events (
    guild_id      text   NOT NULL REFERENCES guilds (guild_id) ON DELETE CASCADE,
    contest_id    bigint NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
    event_id      text   NOT NULL,
    content_hash  text   NOT NULL,
    synced_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (guild_id, contest_id)
);

-- Maintainers' alerts: a durable outbox (an alert is kept when Telegram cannot be reached and sent
-- once it can), plus one row per scrape and per calendar sync for the daily report and /stats.

CREATE TABLE alert_outbox (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL,
    state       text NOT NULL CHECK (state IN ('firing', 'resolved', 'info', 'summary')),
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    folded      boolean NOT NULL DEFAULT false,
    muted       boolean NOT NULL DEFAULT false,
    attempts    integer NOT NULL DEFAULT 0,
    last_error  text
);
CREATE INDEX alert_outbox_unsent_idx ON alert_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX alert_outbox_sent_idx ON alert_outbox (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE scrape_runs (
    id           bigserial PRIMARY KEY,
    platform     text NOT NULL,
    outcome      text NOT NULL CHECK (outcome IN ('ok', 'failed', 'guard')),
    listed       integer NOT NULL DEFAULT 0,
    created      integer NOT NULL DEFAULT 0,
    changed      integer NOT NULL DEFAULT 0,
    cancelled    integer NOT NULL DEFAULT 0,
    error        text,
    duration_ms  integer NOT NULL DEFAULT 0,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scrape_runs_at_idx ON scrape_runs (at);

CREATE TABLE sync_runs (
    id           bigserial PRIMARY KEY,
    user_id      bigint,
    outcome      text NOT NULL,
    cause        text,
    created      integer NOT NULL DEFAULT 0,
    updated      integer NOT NULL DEFAULT 0,
    deleted      integer NOT NULL DEFAULT 0,
    failed       integer NOT NULL DEFAULT 0,
    throttled    integer NOT NULL DEFAULT 0,
    duration_ms  integer NOT NULL DEFAULT 0,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_runs_at_idx ON sync_runs (at);

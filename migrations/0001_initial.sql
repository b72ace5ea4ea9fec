-- The whole data model of DESIGN §4. Natural keys everywhere; every write is an upsert or is
-- guarded by a unique constraint, so a job that runs twice does no harm.

CREATE TABLE contests (
    id              bigserial PRIMARY KEY,
    platform        text        NOT NULL,
    external_id     text        NOT NULL,
    title           text        NOT NULL,
    url             text        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    kind            text,
    rated           boolean,
    first_seen_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    missing_runs    integer     NOT NULL DEFAULT 0 CHECK (missing_runs >= 0),
    cancelled_at    timestamptz,
    CONSTRAINT contests_platform_external_id_key UNIQUE (platform, external_id),
    CONSTRAINT contests_times_ordered CHECK (ends_at >= starts_at),
    CONSTRAINT contests_external_id_nonempty CHECK (external_id <> '')
);
CREATE INDEX contests_upcoming_idx ON contests (ends_at, starts_at) WHERE cancelled_at IS NULL;
CREATE INDEX contests_platform_starts_idx ON contests (platform, starts_at);

CREATE TABLE platform_health (
    platform              text PRIMARY KEY,
    last_attempt_at       timestamptz,
    last_success_at       timestamptz,
    last_error            text,
    consecutive_failures  integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    contests_seen         integer NOT NULL DEFAULT 0 CHECK (contests_seen >= 0),
    last_duration_ms      integer
);

CREATE TABLE users (
    id                 bigserial PRIMARY KEY,
    google_sub         text UNIQUE,
    google_email       text,
    refresh_token_enc  text,
    calendar_id        text,
    google_status      text NOT NULL DEFAULT 'none'
                       CHECK (google_status IN ('none', 'active', 'revoked')),
    platforms          text[]    NOT NULL DEFAULT '{}',
    timezone           text      NOT NULL DEFAULT 'UTC',
    reminder_minutes   integer[] NOT NULL DEFAULT '{30,10}',
    sync_status        text NOT NULL DEFAULT 'never'
                       CHECK (sync_status IN ('never', 'queued', 'running', 'ok', 'partial', 'failed')),
    last_sync_at       timestamptz,
    last_sync_error    text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_google_active_idx ON users (id) WHERE google_status = 'active';

CREATE TABLE identities (
    chat_platform     text   NOT NULL CHECK (chat_platform IN ('telegram', 'discord')),
    external_user_id  text   NOT NULL,
    user_id           bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    chat_id           text   NOT NULL,
    username          text,
    blocked_at        timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_platform, external_user_id)
);
CREATE INDEX identities_user_idx ON identities (user_id);

CREATE TABLE calendar_events (
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contest_id    bigint NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
    event_id      text   NOT NULL,
    calendar_id   text   NOT NULL,
    content_hash  text   NOT NULL,
    synced_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, contest_id)
);
CREATE INDEX calendar_events_contest_idx ON calendar_events (contest_id);

CREATE TABLE link_tokens (
    token_hash        bytea PRIMARY KEY,
    chat_platform     text NOT NULL,
    external_user_id  text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz,
    FOREIGN KEY (chat_platform, external_user_id)
        REFERENCES identities (chat_platform, external_user_id) ON DELETE CASCADE
);
CREATE INDEX link_tokens_identity_idx ON link_tokens (chat_platform, external_user_id, created_at);
CREATE INDEX link_tokens_expires_idx ON link_tokens (expires_at);

CREATE TABLE oauth_states (
    state_hash        bytea PRIMARY KEY,
    code_verifier     text NOT NULL,
    link_token_hash   bytea NOT NULL,
    chat_platform     text NOT NULL,
    external_user_id  text NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    used_at           timestamptz,
    FOREIGN KEY (chat_platform, external_user_id)
        REFERENCES identities (chat_platform, external_user_id) ON DELETE CASCADE
);
CREATE INDEX oauth_states_expires_idx ON oauth_states (expires_at);

CREATE TABLE guilds (
    guild_id      text PRIMARY KEY,
    channel_id    text,
    role_id       text,
    platforms     text[]  NOT NULL DEFAULT '{}',
    lead_minutes  integer NOT NULL DEFAULT 60 CHECK (lead_minutes BETWEEN 0 AND 10080),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deliveries (
    id          bigserial PRIMARY KEY,
    target      text        NOT NULL,
    contest_id  bigint      NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
    kind        text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    sent_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deliveries_once UNIQUE (target, contest_id, kind, starts_at)
);

-- Contest messages in chats (issue 10): who receives them (`subscribers`) and what was sent
-- (`deliveries`, replacing the unused table of 0001).
--
-- A subscriber is one of:
--   person  — one chat identity of a user (Telegram private chat or Discord DM); its platforms
--             and lead times are the user's own (`users.platforms`, `users.reminder_minutes`);
--   group   — a Telegram group or supergroup (optionally one forum topic), with its own
--             platforms and lead times set by /subscribe;
--   channel — the announcement channel of a Discord server set up with /setup (`guilds`).
-- `active` is false after /unsubscribe or when the chat refused us (403, kicked, deleted).
CREATE TABLE subscribers (
    id                bigserial PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('person', 'group', 'channel')),
    chat_platform     text NOT NULL CHECK (chat_platform IN ('telegram', 'discord')),
    external_user_id  text,
    chat_id           text,
    thread_id         bigint,
    guild_id          text REFERENCES guilds (guild_id) ON DELETE CASCADE,
    platforms         text[]    NOT NULL DEFAULT '{}',
    reminder_minutes  integer[] NOT NULL DEFAULT '{1440,60}'
        CHECK (cardinality(reminder_minutes) BETWEEN 1 AND 5
               AND 0 <= ALL (reminder_minutes) AND 40320 >= ALL (reminder_minutes)),
    active            boolean NOT NULL DEFAULT true,
    deactivated_at    timestamptz,
    deactivated_why   text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (chat_platform, external_user_id)
        REFERENCES identities (chat_platform, external_user_id) ON DELETE CASCADE,
    CHECK (kind <> 'person' OR external_user_id IS NOT NULL),
    CHECK (kind <> 'group' OR (chat_id IS NOT NULL AND chat_platform = 'telegram')),
    CHECK (kind <> 'channel' OR (guild_id IS NOT NULL AND chat_platform = 'discord'))
);
CREATE UNIQUE INDEX subscribers_person_key ON subscribers (chat_platform, external_user_id)
    WHERE kind = 'person';
CREATE UNIQUE INDEX subscribers_group_key ON subscribers (chat_id) WHERE kind = 'group';
CREATE UNIQUE INDEX subscribers_channel_key ON subscribers (guild_id) WHERE kind = 'channel';

-- Whether a person gets chat reminders: 'auto' = chat messages unless Google Calendar is
-- connected (then calendar popups), or their explicit choice.
ALTER TABLE users ADD COLUMN reminder_delivery text NOT NULL DEFAULT 'auto'
    CHECK (reminder_delivery IN ('auto', 'calendar', 'chat', 'both'));

-- One row per (subscriber, contest, kind, lead), recorded before the message is sent.
-- state: pending → sending (claimed, with a lease) → sent; or dropped (the contest started or
-- was cancelled before it could go out) / superseded (a later lead is due too) / failed.
-- After sending, `message_id` and `sent_chat_id` say which message to edit when the contest
-- moves or is cancelled; `shown_starts_at` / `shown_status` say what the message says now.
DROP TABLE deliveries;
CREATE TABLE deliveries (
    id               bigserial PRIMARY KEY,
    subscriber_id    bigint  NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    contest_id       bigint  NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
    kind             text    NOT NULL CHECK (kind IN ('reminder')),
    lead_minutes     integer NOT NULL,
    state            text    NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'sent', 'dropped', 'superseded', 'failed')),
    lease_until      timestamptz,
    attempts         integer NOT NULL DEFAULT 0,
    last_error       text,
    message_id       text,
    sent_chat_id     text,
    sent_at          timestamptz,
    shown_starts_at  timestamptz,
    shown_status     text CHECK (shown_status IN ('scheduled', 'moved', 'cancelled')),
    edit_lease_until timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deliveries_once UNIQUE (subscriber_id, contest_id, kind, lead_minutes)
);
CREATE INDEX deliveries_open_idx ON deliveries (id) WHERE state IN ('pending', 'sending');
CREATE INDEX deliveries_contest_idx ON deliveries (contest_id) WHERE state = 'sent';

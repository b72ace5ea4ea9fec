-- Calendar feeds (issue 13). One secret feed address per user: the token itself is never stored,
-- only its SHA-256 and the random nonce it is derived from (HMAC under SESSION_SECRET), so the
-- owner can be shown the same address again and a reset replaces it at once. Deleting the user
-- removes the row.
CREATE TABLE feed_tokens (
    user_id     bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    nonce       bytea  NOT NULL,
    token_hash  bytea  NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- iCalendar SEQUENCE: raised whenever a contest's time or title changes, or it is cancelled or
-- comes back, so calendar clients replace their copy of the event.
ALTER TABLE contests ADD COLUMN sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0);

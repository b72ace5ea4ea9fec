-- Security (issue 16).
--
-- link_approvals: a chat identity that consents with a Google account already held by another
-- user does not join that user; the user's existing identities are asked in chat to approve it
-- (a forwarded /connect link must never hand an account over). Valid 10 minutes, decided once.
CREATE TABLE link_approvals (
    id                bigserial PRIMARY KEY,
    target_user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    chat_platform     text   NOT NULL,
    external_user_id  text   NOT NULL,
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    decided_at        timestamptz,
    decision          text CHECK (decision IN ('approved', 'denied')),
    FOREIGN KEY (chat_platform, external_user_id)
        REFERENCES identities (chat_platform, external_user_id) ON DELETE CASCADE
);
CREATE INDEX link_approvals_target_idx ON link_approvals (target_user_id);
CREATE INDEX link_approvals_expires_idx ON link_approvals (expires_at);

-- google_cleanups: Google-side work owed after a grant is given up (/deleteme, /disconnect, a
-- refused scope, a replaced user, a reconnect with another account): revoke the grant and
-- optionally delete the calendar we created. Written in the same transaction as the change, so it
-- is carried out (retried with backoff) whatever fails; the sealed token and the chats to tell are
-- erased once it is done. user_id has no foreign key: the user may be gone, and it is the
-- associated data the token was sealed with.
CREATE TABLE google_cleanups (
    id                 bigserial PRIMARY KEY,
    user_id            bigint  NOT NULL,
    reason             text    NOT NULL,
    refresh_token_enc  text,
    calendar_id        text,
    delete_calendar    boolean NOT NULL DEFAULT false,
    notify             jsonb   NOT NULL DEFAULT '[]',
    attempts           integer NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    last_error         text,
    created_at         timestamptz NOT NULL,
    done_at            timestamptz,
    outcome            text
);
CREATE INDEX google_cleanups_due_idx ON google_cleanups (next_attempt_at) WHERE done_at IS NULL;

-- Buttons of a chat notice (rows of [text, callback data]), e.g. approve / deny a link request.
ALTER TABLE notices ADD COLUMN buttons jsonb;

-- Outbound chat notices (connect results, sync results, revoked grants): a durable outbox, so a
-- notice is recorded even when no chat front end is running and is delivered once one is.

CREATE TABLE notices (
    id             bigserial PRIMARY KEY,
    user_id        bigint REFERENCES users (id) ON DELETE CASCADE,
    chat_platform  text NOT NULL CHECK (chat_platform IN ('telegram', 'discord')),
    chat_id        text NOT NULL,
    kind           text NOT NULL,
    body           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text
);
CREATE INDEX notices_unsent_idx ON notices (created_at) WHERE sent_at IS NULL;
CREATE INDEX notices_user_idx ON notices (user_id);

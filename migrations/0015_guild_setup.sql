-- Discord server setup (/setup): the announcement channel, the platforms the server follows, one
-- role per platform (created by the bot or an existing one mapped to it), the role-picker message,
-- and the lead times of announcements. `enabled` is the admins' switch (/setup off);
-- `removed_at` is set while the bot is not in the server, and cleared when it is added back.
ALTER TABLE guilds DROP COLUMN role_id;
ALTER TABLE guilds DROP COLUMN lead_minutes;
ALTER TABLE guilds
    ADD COLUMN roles jsonb NOT NULL DEFAULT '{}'
        CHECK (jsonb_typeof(roles) = 'object'),
    ADD COLUMN reminder_minutes integer[] NOT NULL DEFAULT '{1440,60}'
        CHECK (cardinality(reminder_minutes) BETWEEN 1 AND 5
               AND 0 <= ALL (reminder_minutes) AND 40320 >= ALL (reminder_minutes)),
    ADD COLUMN picker_channel_id text,
    ADD COLUMN picker_message_id text,
    ADD COLUMN configured_by text,
    ADD COLUMN removed_at timestamptz;
CREATE INDEX guilds_active_idx ON guilds (guild_id) WHERE enabled AND removed_at IS NULL;

-- Daily digests and who subscribed a group (issue 10).
--
-- A subscriber may get a daily digest at a local hour (`digest_hour`, NULL = off) listing the
-- next 24 hours' contests of its platforms. A person's hour follows their /timezone
-- (`users.timezone`); a group or a server's channel has its own zone (`timezone`, NULL = UTC).
-- `digest_since` is when the digest was last switched on or moved: a day whose hour had passed
-- by then gets none (turning it on at 10:00 for 08:00 starts tomorrow).
-- `subscribed_by` is the Telegram user id of the admin who last ran /subscribe in a group; they
-- are told in their private chat when the group stops taking messages.
ALTER TABLE subscribers
    ADD COLUMN digest_hour   smallint CHECK (digest_hour BETWEEN 0 AND 23),
    ADD COLUMN digest_since  timestamptz,
    ADD COLUMN timezone      text,
    ADD COLUMN subscribed_by text;

-- A digest is a delivery of kind 'digest': one per (subscriber, local day), recorded before it
-- is sent like a reminder, with no contest; `digest_day` is the subscriber's local date and
-- `expires_at` the end of that local day (a digest missed during downtime is sent late until
-- then, and dropped after). `lead_minutes` holds the minute of the day it was due.
ALTER TABLE deliveries ALTER COLUMN contest_id DROP NOT NULL;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check;
ALTER TABLE deliveries
    ADD COLUMN digest_day date,
    ADD COLUMN expires_at timestamptz,
    ADD CONSTRAINT deliveries_kind_check CHECK (kind IN ('reminder', 'digest')),
    ADD CONSTRAINT deliveries_kind_keys CHECK (
        CASE kind WHEN 'reminder' THEN contest_id IS NOT NULL AND digest_day IS NULL
                  ELSE contest_id IS NULL AND digest_day IS NOT NULL AND expires_at IS NOT NULL
        END);
CREATE UNIQUE INDEX deliveries_digest_once ON deliveries (subscriber_id, digest_day)
    WHERE kind = 'digest';

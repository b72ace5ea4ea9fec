"""Every Valkey key and its TTL (DESIGN §6). Nothing else names a key."""

from __future__ import annotations

CONTESTS_TTL = 12 * 3600
# Short, renewed every third of it by the running sync: a killed holder's lock lapses within
# seconds, a long healthy sync keeps it.
SYNC_LOCK_TTL = 15
ALERT_STATE_TTL = 24 * 3600

CONTESTS_PATTERN = "cache:contests:*"


def contests(platform: str) -> str:
    """Upcoming contests of one platform, as a JSON list."""
    return f"cache:contests:{platform}"


def sync_lock(user_id: int) -> str:
    """The owned lock that keeps one calendar sync per user at a time."""
    return f"lock:sync:{user_id}"


def limit(scope: str, key: str, window_start: int) -> str:
    """A fixed-window counter; the window start makes each window a fresh key."""
    return f"limit:{scope}:{key}:{window_start}"


def alert_state(name: str) -> str:
    """The last alert state sent for a named condition, for dedupe."""
    return f"alert:state:{name}"


SYNC_LIMIT_WINDOW = 60


def sync_limit(user_id: int, window_start: int) -> str:
    """The fixed-window counter of manual /sync requests of one user."""
    return limit("sync", str(user_id), window_start)


# Calendar feeds: a rendered feed lives under the current feeds generation, which every scrape
# that changed contests raises; a new generation makes every older rendering unreachable.
FEED_TTL = 3600
FEEDS_GENERATION_TTL = 7 * 24 * 3600


def feeds_generation() -> str:
    """A counter raised whenever contests change, naming the current generation of feeds."""
    return "cache:feeds:generation"


def feed(generation: int, variant: str) -> str:
    """One rendered feed (ETag, Last-Modified and iCalendar body) of a generation."""
    return f"cache:feed:{generation}:{variant}"


# ---- maintainers' alerts (shared/alerts)

ALERT_MUTE_ALL = "*"
HEARTBEAT_TTL = 7 * 24 * 3600
ALERT_DRAIN_LOCK_TTL = 60


def alert_mute(name: str) -> str:
    """Present while alerts named `name` (or every alert, for ALERT_MUTE_ALL) are muted."""
    return f"alert:mute:{name}"


ALERT_MUTE_PATTERN = "alert:mute:*"
ALERT_STATE_PATTERN = "alert:state:*"


def alert_drain_lock() -> str:
    """The owned lock held by the one process delivering the alert outbox at a time."""
    return "lock:alerts:drain"


WORKER_MARK_TTL = 7 * 24 * 3600


def worker_running(where: str) -> str:
    """Present while a worker process runs at `where` (host:port), holding that process's token;
    a process that was killed leaves it behind for the next one there to notice."""
    return f"worker:running:{where}"


def worker_heartbeat() -> str:
    """When a worker last ran its cron (epoch seconds); missing or old means no worker runs."""
    return "heartbeat:worker"


# ---- Google access tokens (shared/calendar/tokens.py)

ACCESS_TOKEN_MAX_TTL = 3600
# Stored tokens vanish this long before Google's expiry: google-auth already treats a token as
# expired 3 min 45 s early, so a token read from here is always one it will use.
ACCESS_TOKEN_MARGIN = 300


def access_token(user_id: int) -> str:
    """A user's current Google access token, sealed with the TokenCipher; expires with it."""
    return f"google:access:{user_id}"


# ---- send windows (shared/messaging/window.py): one per bot token, named by its chat platform.
# `telegram`: every message of every process (30/s, the bot process's replies first);
# `discord`: every REST request of our discord.py clients (48/s of the token's global 50, the
# bot process's first; shared/messaging/discord.py). Each key expires within half a minute of its
# last use.


def send_window(chat_platform: str) -> str:
    """The sorted set of one bot's recent sends (Discord: REST requests), shared by every
    process that sends as it: each member a send, scored by when it ended (or, while in
    flight, by when it is given up on)."""
    return f"window:{{{chat_platform}}}:sends"


def send_window_waiting(chat_platform: str) -> str:
    """The sorted set of replies waiting for a place in the bot's send window (scored by when
    each stops counting as waiting): bulk sends leave them the next places."""
    return f"window:{{{chat_platform}}}:waiting"


def send_window_paced(chat_platform: str) -> str:
    """When the last bulk send of the bot took its place (ms, server clock)."""
    return f"window:{{{chat_platform}}}:paced"


def send_window_pause(chat_platform: str) -> str:
    """Set, with the 429's `retry_after` as its TTL, while the chat platform asked us to wait
    (Discord: a global 429, seen by any process's client)."""
    return f"window:{{{chat_platform}}}:pause"

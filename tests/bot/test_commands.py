"""Personal chat commands through the real dispatcher, on real PostgreSQL, Valkey and arq."""

from __future__ import annotations

import dataclasses
import time
from datetime import UTC, datetime, timedelta

from arq.connections import ArqRedis
from arq.jobs import Job

from backend.worker.settings import build_worker
from bot.core.commands import SYNC_DEBOUNCE, build_registry
from bot.core.commands.sync import SYNC_LATER
from bot.core.dispatch import dispatch
from bot.core.types import SYNC_WAIT, Button, ChatPlatform, Context, Invocation, Reply
from bot.telegram.render import build_capabilities
from shared.cache import open_valkey
from shared.db import users as uq
from shared.embedded import free_port
from shared.models import SyncStatus, User
from shared.platforms.registry import get_platform
from shared.resources import Resources
from shared.services.scrape import scrape_platform
from tests.factories import codeforces_payload, connect_user
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms

BOT_USERNAME = "contestsync_test_bot"
CHAT_USER = "1001"


def context(res: Resources, sync_wait: float = SYNC_WAIT) -> Context:
    return Context(res, build_capabilities(BOT_USERNAME), sync_wait=sync_wait)


async def say(
    res: Resources, text: str, *, user: str = CHAT_USER, sync_wait: float = SYNC_WAIT
) -> Reply:
    """Send a typed command in the user's private chat."""
    name, *args = text.removeprefix("/").split()
    inv = Invocation(ChatPlatform.TELEGRAM, user, user, name, tuple(args), username="alice")
    return await dispatch(context(res, sync_wait), build_registry(), inv)


async def press(res: Resources, data: str, *, user: str = CHAT_USER) -> Reply:
    """Press an inline button in the user's private chat."""
    inv = Invocation(
        ChatPlatform.TELEGRAM, user, user, "", callback=data, message_id="42", username="alice"
    )
    return await dispatch(context(res), build_registry(), inv)


def buttons(reply: Reply) -> list[Button]:
    return [b for row in reply.buttons for b in row]


def button_data(reply: Reply) -> list[str | None]:
    return [b.data for b in buttons(reply)]


async def user_row(res: Resources, chat_user: str = CHAT_USER) -> User:
    user = await uq.get_user_by_identity(res.db.write, "telegram", chat_user)
    assert user is not None
    return user


async def queued(res: Resources) -> dict[bytes, float]:
    """arq's queue: job id → score (ms since the epoch when it may run)."""
    return dict(await res.arq.zrange("arq:queue", 0, -1, withscores=True))


async def job_args(res: Resources, job_id: str) -> tuple[str, tuple[object, ...]]:
    info = await Job(job_id, res.arq).info()
    assert info is not None
    return info.function, info.args


# ---------------------------------------------------------------- /start


async def test_start_explains_and_offers_connect_platforms_and_upcoming(res: Resources) -> None:
    reply = await say(res, "/start")
    assert "Google Calendar" in reply.text and "Next step" in reply.text
    assert button_data(reply) == ["connect", "platforms", "upcoming"]
    assert [b.text for b in buttons(reply)] == [
        "Connect Google Calendar",
        "Choose platforms",
        "Upcoming contests",
    ]


async def test_start_creates_the_user_behind_the_chat_identity(res: Resources) -> None:
    await say(res, "/start", user="555")
    user = await user_row(res, "555")
    assert user.platforms == [] and user.timezone == "UTC" and not user.connected


async def test_start_deep_link_runs_the_named_command(res: Resources) -> None:
    reply = await say(res, "/start connect")
    [link] = buttons(reply)
    assert link.text == "Open Google sign-in" and link.url is not None
    status = await say(res, "/start status")
    assert status.text.startswith("Your ContestSync status")


async def test_start_with_an_unknown_payload_just_welcomes(res: Resources) -> None:
    reply = await say(res, "/start something-else")
    assert button_data(reply) == ["connect", "platforms", "upcoming"]


async def test_start_buttons_lead_to_their_commands(res: Resources) -> None:
    assert (await press(res, "connect")).buttons[0][0].text == "Open Google sign-in"
    assert "pf:done" in button_data(await press(res, "platforms"))
    assert "No contests" in (await press(res, "upcoming")).text


# ---------------------------------------------------------------- /connect


async def test_connect_replies_with_a_one_time_link_that_expires_in_ten_minutes(
    res: Resources,
) -> None:
    reply = await say(res, "/connect")
    [link] = buttons(reply)
    assert link.text == "Open Google sign-in"
    assert link.url is not None and link.url.startswith("http://127.0.0.1:8080/connect/")
    assert "10 minutes" in reply.text and "once" in reply.text
    tokens = await res.db.write.fetchval(
        "SELECT count(*) FROM link_tokens WHERE external_user_id = $1", CHAT_USER
    )
    assert tokens == 1


async def test_sixth_connect_link_within_an_hour_is_rate_limited(res: Resources) -> None:
    for _ in range(5):
        assert buttons(await say(res, "/connect"))[0].url is not None
    sixth = await say(res, "/connect")
    assert sixth.buttons == ()
    assert "5 connect links in the last hour" in sixth.text and "try again later" in sixth.text


async def test_connect_when_connected_shows_the_account_and_offers_reconnect(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    reply = await say(res, "/connect")
    assert "alice@example.com" in reply.text
    assert button_data(reply) == ["connect:new"]
    again = await press(res, "connect:new")
    assert again.edit
    [link] = buttons(again)
    assert link.url is not None and "/connect/" in link.url


# ---------------------------------------------------------------- /platforms


async def test_platforms_shows_one_toggle_per_platform_and_done(res: Resources) -> None:
    reply = await say(res, "/platforms")
    assert button_data(reply) == [
        "pf:leetcode",
        "pf:codeforces",
        "pf:codechef",
        "pf:atcoder",
        "pf:hackerrank",
        "pf:geeksforgeeks",
        "pf:code360",
        "pf:done",
    ]
    assert "every platform" in reply.text
    assert not any(b.text.startswith("✅") for b in buttons(reply))


async def test_platform_toggle_saves_at_once_and_edits_the_keyboard_in_place(
    res: Resources,
) -> None:
    await say(res, "/platforms")
    on = await press(res, "pf:codeforces")
    assert on.edit and on.toast == "Codeforces on"
    assert "✅ Codeforces" in [b.text for b in buttons(on)]
    assert (await user_row(res)).platforms == ["codeforces"]
    off = await press(res, "pf:codeforces")
    assert off.edit and off.toast == "Codeforces off"
    assert "Codeforces" in [b.text for b in buttons(off)]
    assert (await user_row(res)).platforms == []


async def test_five_quick_toggles_queue_one_deferred_sync(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google, platforms=())
    before_ms = time.time() * 1000
    for name in ("codeforces", "atcoder", "leetcode", "atcoder", "codechef"):
        await press(res, f"pf:{name}")
    assert (await user_row(res)).platforms == ["leetcode", "codeforces", "codechef"]
    jobs = await queued(res)
    assert list(jobs) == [f"sync:{user_id}".encode()]
    assert jobs[f"sync:{user_id}".encode()] >= before_ms + (SYNC_DEBOUNCE - 1) * 1000


async def test_toggles_of_a_user_without_calendar_queue_no_sync(res: Resources) -> None:
    await press(res, "pf:atcoder")
    assert await queued(res) == {}


async def test_platforms_done_summarises_the_choice(res: Resources) -> None:
    await press(res, "pf:atcoder")
    await press(res, "pf:leetcode")
    done = await press(res, "pf:done")
    assert done.edit and done.buttons == ()
    assert "LeetCode and AtCoder" in done.text


# ---------------------------------------------------------------- /sync


async def publish_codeforces(res: Resources, fake: FakePlatforms, count: int) -> None:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    rounds = [(4000 + i, f"Round {i}", start + timedelta(hours=6 * i), 7200) for i in range(count)]
    fake.serve("codeforces", codeforces_payload(*rounds))
    result = await scrape_platform(res, get_platform("codeforces"), now=datetime.now(UTC))
    assert result.status.value == "ok", result.error


async def run_worker(res: Resources) -> None:
    worker = build_worker(res, burst=True, handle_signals=False)
    await worker.main()
    await worker.close()


async def test_sync_queues_a_job_now_and_answers_at_once(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    reply = await say(res, "/sync")
    assert reply.text == "Syncing your calendar…" and reply.followup is not None
    jobs = await queued(res)
    # arq scores jobs with round(time() * 1000): "due now" may be up to 0.5 ms ahead of time()
    assert jobs[f"sync:{user_id}".encode()] <= round(time.time() * 1000)


async def test_second_sync_within_a_minute_is_limited(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    await say(res, "/sync")
    second = await say(res, "/sync")
    assert second.followup is None
    assert "once a minute" in second.text and "try again in" in second.text


async def test_sync_while_valkey_is_away_is_recorded_and_says_so(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google, chat_user=CHAT_USER)
    nowhere = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens: the queue is away
    away = dataclasses.replace(
        res, valkey=open_valkey(nowhere), arq=ArqRedis.from_url(nowhere, socket_connect_timeout=1)
    )
    try:
        reply = await say(away, "/sync")
    finally:
        await away.valkey.aclose()
        await away.arq.aclose()
    assert reply.text == SYNC_LATER
    # Durable: the worker's sweeper queues the sync once Valkey is back.
    assert await uq.get_sync_wanted(res.db.write, user_id) is not None


async def test_sync_without_a_calendar_points_to_connect(res: Resources) -> None:
    reply = await say(res, "/sync")
    assert "/connect" in reply.text and reply.followup is None
    assert await queued(res) == {}


async def test_sync_followup_reports_what_the_worker_wrote(
    res: Resources, fake_google: FakeGoogle, fake_platforms: FakePlatforms
) -> None:
    user_id = await connect_user(res, fake_google)
    await publish_codeforces(res, fake_platforms, 3)
    reply = await say(res, "/sync")
    await run_worker(res)
    assert reply.followup is not None
    result = await reply.followup()
    assert result is not None and result.edit
    assert result.text == "Calendar synced: 3 added, 0 updated, 0 removed."
    assert (await user_row(res)).sync_status == "ok"
    user = await uq.get_user(res.db.write, user_id)
    assert user is not None and user.calendar_id is not None
    assert len(fake_google.events_of(user.calendar_id)) == 3


async def test_sync_followup_explains_a_revoked_google_grant(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    fake_google.revoke_all("alice-sub")
    reply = await say(res, "/sync")
    await run_worker(res)
    assert reply.followup is not None
    result = await reply.followup()
    assert result is not None and result.edit
    assert "Google no longer accepts ContestSync's access" in result.text
    assert "/connect" in result.text


async def test_sync_followup_says_still_working_when_the_worker_is_slow(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    reply = await say(res, "/sync", sync_wait=0.6)
    assert reply.followup is not None
    result = await reply.followup()
    assert result is not None and result.text == "Still working — check /status in a minute."


# ---------------------------------------------------------------- /status


async def test_status_shows_account_sync_platforms_timezone_and_reminders(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(
        res, fake_google, platforms=("atcoder", "codeforces"), timezone="Asia/Tokyo"
    )
    synced_at = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    counts = {"created": 4, "updated": 1, "deleted": 2, "failed": 0}
    await uq.update_sync_state(res.db.write, user_id, SyncStatus.OK, synced_at, None, counts)
    text = (await say(res, "/status")).text
    assert "Google account: alice@example.com" in text
    assert 'Calendar: connected ("Contests")' in text
    assert "Last sync: 29 Nov 2026 21:00" in text
    assert "4 added, 1 updated, 2 removed" in text
    assert "Platforms: Codeforces and AtCoder" in text
    assert "Time zone: Asia/Tokyo" in text
    assert "Reminders: 30 min and 10 min before each contest" in text


async def test_status_reports_changes_that_could_not_be_written(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    counts = {"created": 2, "updated": 0, "deleted": 0, "failed": 3}
    await uq.update_sync_state(
        res.db.write, user_id, SyncStatus.PARTIAL, datetime.now(UTC), None, counts
    )
    text = (await say(res, "/status")).text
    assert "2 added, 0 updated, 0 removed; 3 could not be written" in text


async def test_status_of_a_new_user_says_not_connected_and_never_synced(res: Resources) -> None:
    text = (await say(res, "/status")).text
    assert "Google account: not connected — use /connect" in text
    assert "Last sync: never" in text
    assert "Platforms: all (none chosen" in text


async def test_status_after_google_revoked_access_says_so(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    await uq.mark_revoked(res.db.write, user_id, "revoked")
    text = (await say(res, "/status")).text
    assert "Calendar: access revoked — use /connect" in text


# ---------------------------------------------------------------- /timezone


async def test_timezone_accepts_an_iana_name_in_any_case(res: Resources) -> None:
    reply = await say(res, "/timezone asia/kolkata")
    assert "Time zone set to Asia/Kolkata" in reply.text
    assert (await user_row(res)).timezone == "Asia/Kolkata"


async def test_timezone_accepts_a_city(res: Resources) -> None:
    await say(res, "/timezone Tokyo")
    assert (await user_row(res)).timezone == "Asia/Tokyo"
    await say(res, "/timezone new york")
    assert (await user_row(res)).timezone == "America/New_York"


async def test_unknown_timezone_suggests_close_names_and_changes_nothing(res: Resources) -> None:
    reply = await say(res, "/timezone Tokio")
    assert 'Unknown time zone "Tokio"' in reply.text and "Asia/Tokyo" in reply.text
    assert (await user_row(res)).timezone == "UTC"


async def test_timezone_without_argument_shows_the_current_one_and_usage(res: Resources) -> None:
    reply = await say(res, "/timezone")
    assert "Your time zone is UTC" in reply.text and "/timezone" in reply.text


async def test_timezone_change_queues_a_debounced_sync_when_connected(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    await say(res, "/timezone Europe/Berlin")
    jobs = await queued(res)
    assert jobs[f"sync:{user_id}".encode()] > time.time() * 1000


# ---------------------------------------------------------------- /reminders


async def test_reminders_are_saved_without_duplicates_largest_first(res: Resources) -> None:
    reply = await say(res, "/reminders 10 60 10 1440")
    assert (await user_row(res)).reminder_minutes == [1440, 60, 10]
    assert "1 day, 1 h and 10 min" in reply.text


async def test_reminders_off_removes_every_reminder(res: Resources) -> None:
    reply = await say(res, "/reminders off")
    assert (await user_row(res)).reminder_minutes == []
    assert "turned off" in reply.text


async def test_reminder_zero_means_at_the_start(res: Resources) -> None:
    await say(res, "/reminders 0")
    assert (await user_row(res)).reminder_minutes == [0]


async def test_reminders_without_argument_show_the_current_ones(res: Resources) -> None:
    reply = await say(res, "/reminders")
    assert "Your reminders: 30 min and 10 min before" in reply.text
    assert "/reminders off" in reply.text


async def test_reminders_reject_words(res: Resources) -> None:
    reply = await say(res, "/reminders soon")
    assert '"soon" is not a number of minutes' in reply.text and "/reminders 60 10" in reply.text
    assert (await user_row(res)).reminder_minutes == [30, 10]


async def test_reminders_reject_more_than_five(res: Resources) -> None:
    reply = await say(res, "/reminders 1 2 3 4 5 6")
    assert "at most 5 reminders" in reply.text
    assert (await user_row(res)).reminder_minutes == [30, 10]


async def test_reminders_reject_more_than_four_weeks(res: Resources) -> None:
    reply = await say(res, "/reminders 40321")
    assert "0–40320 minutes" in reply.text and '"40321"' in reply.text
    assert '"-5" is not' in (await say(res, "/reminders -5")).text
    huge = await say(res, "/reminders " + "9" * 5000)
    assert "0–40320 minutes" in huge.text and len(huge.text) < 300


async def test_reminder_change_queues_a_debounced_sync_when_connected(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    await say(res, "/reminders 15")
    assert f"sync:{user_id}".encode() in await queued(res)


# ---------------------------------------------------------------- /disconnect


async def test_disconnect_asks_keep_delete_or_cancel(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    reply = await say(res, "/disconnect")
    assert "alice@example.com" in reply.text
    assert button_data(reply) == ["dc:keep", "dc:delete", "dc:cancel"]
    assert await queued(res) == {}


async def test_disconnect_keep_unlinks_at_once_and_queues_the_revocation(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    reply = await press(res, "dc:keep")
    assert reply.edit and "Disconnected alice@example.com" in reply.text
    assert "calendar stays" in reply.text and "confirm here" in reply.text
    user = await user_row(res)
    assert (user.google_status, user.refresh_token_enc) == ("none", None)
    cleanup = await res.db.write.fetchrow(
        "SELECT id, user_id, delete_calendar FROM google_cleanups"
    )
    assert cleanup is not None and (cleanup["user_id"], cleanup["delete_calendar"]) == (
        user_id,
        False,
    )
    assert await job_args(res, f"cleanup:{cleanup['id']}:0") == (
        "clean_up_google",
        (cleanup["id"],),
    )


async def test_disconnect_delete_queues_the_revocation_that_deletes_the_calendar(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    await res.db.write.execute("UPDATE users SET calendar_id = 'cal-1'")
    reply = await press(res, "dc:delete")
    assert reply.edit and 'deleting the "Contests" calendar' in reply.text
    delete = await res.db.write.fetchval("SELECT delete_calendar FROM google_cleanups")
    assert delete is True


async def test_disconnect_cancel_changes_nothing(res: Resources, fake_google: FakeGoogle) -> None:
    await connect_user(res, fake_google)
    reply = await press(res, "dc:cancel")
    assert reply.edit and "nothing changed" in reply.text
    assert await queued(res) == {}
    assert (await user_row(res)).connected


async def test_disconnect_without_a_calendar_says_so(res: Resources) -> None:
    reply = await say(res, "/disconnect")
    assert "not connected" in reply.text and reply.buttons == ()


async def test_disconnect_revocation_run_by_the_worker_is_confirmed_in_chat(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    await press(res, "dc:keep")
    await run_worker(res)
    assert [c.path for c in fake_google.calls if c.path == "/revoke"] == ["/revoke"]
    body = await res.db.write.fetchval("SELECT body FROM notices WHERE kind = 'google_disconnect'")
    assert body == "Done: ContestSync's access to your Google account is revoked."


async def test_disconnect_pressed_twice_revokes_once(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    await press(res, "dc:keep")
    again = await press(res, "dc:keep")
    assert "not connected" in again.text
    await run_worker(res)
    assert await res.db.write.fetchval("SELECT count(*) FROM google_cleanups") == 1
    assert len([c for c in fake_google.calls if c.path == "/revoke"]) == 1


# ---------------------------------------------------------------- /deleteme


async def test_deleteme_asks_for_confirmation_first(res: Resources) -> None:
    reply = await say(res, "/deleteme")
    assert "cannot be undone" in reply.text
    assert button_data(reply) == ["del:yes", "del:no"]
    assert await queued(res) == {}


async def test_deleteme_confirmed_deletes_at_once_and_the_worker_revokes(
    res: Resources, fake_google: FakeGoogle
) -> None:
    user_id = await connect_user(res, fake_google)
    reply = await press(res, "del:yes")
    assert reply.edit and reply.text.startswith("Your data is deleted")
    assert await uq.get_user(res.db.write, user_id) is None  # gone when the bot says so
    assert await uq.get_identity(res.db.write, "telegram", CHAT_USER) is None
    await run_worker(res)
    assert len([c for c in fake_google.calls if c.path == "/revoke"]) == 1
    told = await res.db.write.fetchrow(
        "SELECT user_id, chat_id, body FROM notices WHERE kind = 'google_deleteme'"
    )
    assert told is not None and told["user_id"] is None and told["chat_id"] == CHAT_USER
    assert "access to your Google account is revoked" in told["body"]


async def test_deleteme_pressed_twice_deletes_and_revokes_once(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    await press(res, "del:yes")
    again = await press(res, "del:yes")
    assert again.text.startswith("Your data is deleted")
    await run_worker(res)
    assert await res.db.write.fetchval("SELECT count(*) FROM google_cleanups") == 1
    assert len([c for c in fake_google.calls if c.path == "/revoke"]) == 1


async def test_deleteme_cancelled_keeps_everything(res: Resources) -> None:
    await say(res, "/start")
    reply = await press(res, "del:no")
    assert reply.edit and "nothing was deleted" in reply.text
    assert await queued(res) == {}
    await user_row(res)

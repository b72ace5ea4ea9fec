"""Maintainers' alerts end to end: real PostgreSQL and Valkey, the fake Telegram group and relay."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr

from backend.worker.settings import build_worker
from shared.alerts import watch
from shared.alerts.render import MESSAGE_LIMIT, split_message
from shared.config import Settings
from shared.db import alerts as aq
from shared.messaging.telegram import build_bot
from shared.platforms.registry import get_platform
from shared.retry import Backoff
from shared.services import sync
from shared.services.maintainers import send_daily_report
from shared.services.scrape import scrape_platform
from tests.alerts.conftest import GROUP, TOPIC, OpenResources, group_settings, group_texts
from tests.factories import NOW, connect_user
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms, Reply
from tests.fakes.relay import FakeRelay
from tests.fakes.telegram import FakeTelegram

CF = get_platform("codeforces")


def break_codeforces(fake: FakePlatforms) -> None:
    fake.payloads["codeforces"] = Reply(
        status=500, body=b"<html>Internal & error</html>", content_type="text/html"
    )


def mend_codeforces(fake: FakePlatforms) -> None:
    fake.serve_file("codeforces", "codeforces/contest_list.json")


async def test_a_failing_platform_alerts_once_when_it_starts_and_once_when_it_recovers(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_platforms: FakePlatforms,
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    break_codeforces(fake_platforms)
    for _ in range(3):
        await scrape_platform(res, CF, now=NOW)
    await res.alerts.settle()

    messages = fake_telegram.sent(GROUP)
    assert len(messages) == 1
    first = messages[0]
    assert first["message_thread_id"] == TOPIC
    assert "Codeforces scrapes are failing" in first["text"]
    assert "500" in first["text"]
    assert "node: node-a" in first["text"]

    mend_codeforces(fake_platforms)
    await scrape_platform(res, CF, now=NOW)
    await scrape_platform(res, CF, now=NOW)
    await res.alerts.settle()
    texts = group_texts(fake_telegram)
    assert len(texts) == 2
    assert "Codeforces scrapes recovered" in texts[1]
    assert "lasted" in texts[1] and "3 failed scrapes meanwhile" in texts[1]
    assert "node: node-a" in texts[1]


async def test_two_worker_processes_send_each_alert_once(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_platforms: FakePlatforms,
) -> None:
    """Two arq workers, each with its own pools, Valkey client and alert sender (as two processes
    on two nodes), scrape while Codeforces is down and after it is back."""
    one = await open_res(group_settings(settings, fake_telegram, FROM_ENV="node-a"))
    two = await open_res(group_settings(settings, fake_telegram, FROM_ENV="node-b"))
    break_codeforces(fake_platforms)
    for _ in range(2):  # every burst queues a scrape of every platform at start
        await asyncio.gather(
            build_worker(one, burst=True, handle_signals=False).main(),
            build_worker(two, burst=True, handle_signals=False).main(),
        )
    await asyncio.gather(one.alerts.settle(), two.alerts.settle())
    failing = [t for t in group_texts(fake_telegram) if "Codeforces scrapes are failing" in t]
    assert len(failing) == 1

    mend_codeforces(fake_platforms)
    for _ in range(2):
        await asyncio.gather(
            build_worker(one, burst=True, handle_signals=False).main(),
            build_worker(two, burst=True, handle_signals=False).main(),
        )
    await asyncio.gather(one.alerts.settle(), two.alerts.settle())
    texts = group_texts(fake_telegram)
    assert len([t for t in texts if "Codeforces scrapes are failing" in t]) == 1
    assert len([t for t in texts if "Codeforces scrapes recovered" in t]) == 1
    runs = await one.db.write.fetchval(
        "SELECT count(*) FROM scrape_runs WHERE platform = 'codeforces'"
    )
    assert runs == 4


async def test_concurrent_reports_of_one_state_send_one_message(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    one = await open_res(group_settings(settings, fake_telegram, FROM_ENV="node-a"))
    two = await open_res(group_settings(settings, fake_telegram, FROM_ENV="node-b"))
    results = await asyncio.gather(
        *(
            alerts.report("syncs:failing", True, "Calendar syncs are failing", "x")
            for alerts in (one.alerts, two.alerts) * 5
        )
    )
    assert sum(results) == 1
    await asyncio.gather(one.alerts.settle(), two.alerts.settle())
    assert len(group_texts(fake_telegram)) == 1


async def test_a_flapping_state_does_not_flood_the_group(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    res = await open_res(group_settings(settings, fake_telegram), per_minute=3, window=1.0)
    for _ in range(10):
        await res.alerts.report("platform:atcoder", True, "AtCoder scrapes are failing", "flap")
        await res.alerts.report("platform:atcoder", False, "AtCoder scrapes recovered", "flap")
    assert len(group_texts(fake_telegram)) == 3  # the limit of this window

    await fake_telegram.wait_for(lambda: len(group_texts(fake_telegram)) == 4, timeout=5)
    summary = group_texts(fake_telegram)[3]
    assert "17 more alert(s) in the last minute" in summary
    await asyncio.sleep(1.5)
    assert len(group_texts(fake_telegram)) == 4
    pending = await aq.list_unsent_alerts(res.db.write)
    assert pending == []
    since = datetime.now(UTC) - timedelta(minutes=1)
    assert await aq.count_messages_since(res.db.write, since) == 4  # the summary counts too


async def test_alerts_wait_while_telegram_is_down_and_arrive_after(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_platforms: FakePlatforms,
    caplog: pytest.LogCaptureFixture,
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    fake_telegram.fail_next("sendMessage", error_code=502, description="Bad Gateway", count=3)
    break_codeforces(fake_platforms)
    with caplog.at_level(logging.INFO, logger="shared.alerts"):
        await scrape_platform(res, CF, now=NOW)
        await res.alerts.settle()
        assert fake_telegram.sent(GROUP) == []
        assert any("ALERT firing platform:codeforces" in r.getMessage() for r in caplog.records)
        assert any("kept for a retry" in r.getMessage() for r in caplog.records)
        kept = await aq.list_unsent_alerts(res.db.write)
        assert [a.name for a in kept] == ["platform:codeforces"]

        await fake_telegram.wait_for(lambda: len(fake_telegram.sent(GROUP)) == 1, timeout=5)
    assert "Codeforces scrapes are failing" in group_texts(fake_telegram)[0]
    assert len(fake_telegram.calls_to("sendMessage")) == 4  # three refused, one delivered
    await res.alerts.settle()  # the row is marked delivered just after Telegram accepts it
    for _ in range(50):
        if await aq.list_unsent_alerts(res.db.write) == []:
            break
        await asyncio.sleep(0.05)
    assert await aq.list_unsent_alerts(res.db.write) == []


async def test_kept_alerts_are_delivered_by_another_process(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    """A process that stopped before Telegram came back leaves its alert to the worker's cron."""
    first = await open_res(group_settings(settings, fake_telegram), retry_first=30)
    fake_telegram.fail_next("sendMessage", error_code=502, description="Bad Gateway", count=1)
    await first.alerts.report("worker:heartbeat", True, "No worker is running its cron", "")
    await first.alerts.close()
    assert fake_telegram.sent(GROUP) == []

    second = await open_res(group_settings(settings, fake_telegram, FROM_ENV="node-b"))
    await build_worker(second, burst=True, handle_signals=False).main()  # heartbeat cron drains
    texts = group_texts(fake_telegram)
    assert len(texts) == 1 and "No worker is running its cron" in texts[0]


async def test_the_relay_gets_the_go_body_with_the_bearer_token(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_relay: FakeRelay,
) -> None:
    custom = group_settings(
        settings,
        fake_telegram,
        TELEGRAM_PROXY_URL=fake_relay.url,
        PROXY_SECRET_KEY=SecretStr(fake_relay.secret),
    )
    res = await open_res(custom)
    fake_relay.down = True
    await res.alerts.report("google:quota", True, "Google is answering 429 / quota errors", "<3>")
    assert fake_relay.delivered == []
    fake_relay.down = False
    await fake_telegram.wait_for(lambda: len(fake_relay.delivered) == 1, timeout=5)

    [body] = fake_relay.delivered
    assert set(body) == {"group_id", "topic_id", "text"}
    assert body["group_id"] == GROUP and body["topic_id"] == TOPIC
    assert "Google is answering 429 / quota errors" in body["text"]
    assert "&lt;3&gt;" in body["text"]  # HTML-escaped
    assert {c.authorization for c in fake_relay.calls} == {f"Bearer {fake_relay.secret}"}
    assert fake_telegram.sent(GROUP) == []  # the relay replaces the bot token for alerts


async def test_muted_alerts_are_kept_but_not_sent_until_unmuted(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    await res.alerts.mute(3600, "platform")
    await res.alerts.report("platform:leetcode", True, "LeetCode scrapes are failing", "")
    await res.alerts.report("syncs:failing", True, "Calendar syncs are failing", "")
    texts = group_texts(fake_telegram)
    assert len(texts) == 1 and "Calendar syncs are failing" in texts[0]
    muted = await res.db.write.fetchval("SELECT count(*) FROM alert_outbox WHERE muted")
    assert muted == 1

    assert await res.alerts.unmute() == 1
    await res.alerts.report("platform:leetcode", False, "LeetCode scrapes recovered", "")
    assert "LeetCode scrapes recovered" in group_texts(fake_telegram)[-1]


async def test_a_long_alert_is_escaped_and_split_on_line_boundaries(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    detail = "\n".join(f"line {i}: <b>not bold</b> & more" for i in range(200))
    await res.alerts.report("platform:hackerrank", True, "HackerRank <scrapes> fail", detail)
    texts = group_texts(fake_telegram)
    # The fake parses HTML strictly, so nothing unescaped got through; escaped, it needs 3 parts.
    assert len(texts) == 3
    joined = "\n".join(texts)
    assert "HackerRank <scrapes> fail" in joined
    assert joined.count("<b>not bold</b> & more") == 200
    sent = [c.params["text"] for c in fake_telegram.calls_to("sendMessage")]
    assert all(len(t) <= MESSAGE_LIMIT for t in sent)
    assert all(t.endswith("more") for t in texts[:2])  # cut between lines


def test_split_message_cuts_between_lines_and_never_inside_an_entity() -> None:
    lines = [f"{i:04d} " + "x" * 90 for i in range(100)]
    parts = split_message("\n".join(lines), limit=1000)
    assert all(len(p) <= 1000 for p in parts)
    assert "\n".join(parts).split("\n") == lines
    long_line = "a" * 997 + "&amp;" + "b" * 10
    parts = split_message(long_line, limit=1000)
    assert parts[0] == "a" * 997 and parts[1].startswith("&amp;")


async def test_sync_failures_over_the_threshold_alert_with_their_top_causes(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    res = await open_res(group_settings(settings, fake_telegram, SYNC_ALERT_MIN_SYNCS=4))
    for cause in ("Google 5xx", "Google 5xx", "Google 5xx", "revoked grant"):
        await aq.insert_sync_run(res.db.write, 1, "failed", cause, {"throttled": 0}, 100)
    await aq.insert_sync_run(res.db.write, 2, "ok", None, {"throttled": 2}, 100)
    await watch.check_syncs(res.settings, res.db, res.alerts)
    await watch.check_syncs(res.settings, res.db, res.alerts)
    texts = group_texts(fake_telegram)
    syncs = [t for t in texts if "Calendar syncs are failing" in t]
    assert len(syncs) == 1
    assert "4 of 5 syncs failed" in syncs[0]
    assert "top causes: Google 5xx ×3, revoked grant ×1" in syncs[0]
    assert len([t for t in texts if "429 / quota" in t]) == 1

    await res.db.write.execute("UPDATE sync_runs SET at = at - interval '2 hours'")
    await watch.check_syncs(res.settings, res.db, res.alerts)
    texts = group_texts(fake_telegram)
    assert "Calendar syncs are healthy again" in texts[-2]
    assert "Google quota errors stopped" in texts[-1]


async def test_stale_platforms_and_a_missing_heartbeat_alert(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    await res.db.write.execute(
        "INSERT INTO platform_health (platform, last_attempt_at, last_success_at, last_error, "
        "consecutive_failures) VALUES ('atcoder', now(), now() - interval '3 hours', 'HTTP 503', 6)"
    )
    await watch.check_stale(res.settings, res.db, res.alerts)
    await watch.check_heartbeat(res.settings, res.valkey, res.alerts, uptime=10_000)
    texts = group_texts(fake_telegram)
    assert any("AtCoder has not been scraped successfully for over 3 intervals" in t for t in texts)
    assert any("No worker is running its cron" in t for t in texts)

    await watch.beat(res.valkey)
    await watch.check_heartbeat(res.settings, res.valkey, res.alerts, uptime=10_000)
    assert "A worker runs its cron again" in group_texts(fake_telegram)[-1]


async def test_the_daily_report_is_a_chart_and_figures_in_the_topic(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_platforms: FakePlatforms,
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    await scrape_platform(res, CF, now=NOW)
    break_codeforces(fake_platforms)
    await scrape_platform(res, CF, now=NOW)
    await res.alerts.settle()
    await aq.insert_sync_run(res.db.write, 1, "ok", None, {}, 1500)

    await send_daily_report(res.db, res.alerts)
    messages = fake_telegram.sent(GROUP)
    photo = next(m for m in messages if "photo" in m)
    assert photo["message_thread_id"] == TOPIC
    assert "last 7 days" in photo["caption"]
    png = fake_telegram.photos[(GROUP, photo["message_id"])]
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    report = messages[-1]["text"]
    assert "Daily report" in report
    assert "Codeforces:" in report and "1/1" in report  # one ok and one failed scrape today
    assert "Syncs (24 h): 1" in report
    assert "Slowest jobs" in report


async def test_the_monitor_alerts_when_the_bot_cannot_reach_its_api(
    settings: Settings, open_res: OpenResources, fake_telegram: FakeTelegram
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    bot = build_bot(res.settings)
    await bot.initialize()

    async def probe() -> None:  # what TelegramBot.probe does
        await bot.get_me()

    try:
        monitor = watch.Monitor(res, {"telegram": probe})
        fake_telegram.fail_next("getMe", error_code=502, description="Bad Gateway")
        await monitor.check_once()
        await res.alerts.settle()
        await monitor.check_once()
        await res.alerts.settle()
    finally:
        await bot.shutdown()
    await fake_telegram.wait_for(lambda: len(group_texts(fake_telegram)) == 2)
    texts = group_texts(fake_telegram)
    down = [t for t in texts if "The Telegram bot cannot reach its API" in t]
    assert len(down) == 1 and "cause: NetworkError" in down[0]
    assert "The Telegram bot reaches its API again" in texts[-1]


def test_the_daily_report_runs_at_the_configured_hour_or_not_at_all() -> None:
    from backend.worker.settings import maintainer_crons

    at_six = {c.name: c for c in maintainer_crons(6)}
    assert at_six["cron:send_daily_report"].hour == {6}
    assert at_six["cron:send_daily_report"].minute == {0}
    assert "cron:send_daily_report" not in {c.name for c in maintainer_crons(-1)}
    assert "cron:heartbeat" in {c.name for c in maintainer_crons(-1)}


async def test_a_sync_that_google_throttles_is_counted_with_its_cause(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_google: FakeGoogle,
) -> None:
    """A real sync against the fake Google answering 429, through the hook the worker job calls."""
    res = await open_res(group_settings(settings, fake_telegram, SYNC_ALERT_MIN_SYNCS=1))
    res.calendar.backoff = Backoff(0.01, 0.02)
    user_id = await connect_user(res, fake_google)
    fake_google.set_faults(rate=1.0, statuses=(429,), retry_after=0)
    result = await sync.sync_user_calendar(res, user_id)
    assert result.status == "failed"
    watch.note_sync(res, result, 0.5)
    await res.alerts.settle()
    [text] = group_texts(fake_telegram)
    assert "Calendar syncs are failing" in text
    assert "1 of 1 syncs failed" in text and "top causes: Google quota (429) ×1" in text
    row = await res.db.write.fetchrow("SELECT outcome, cause FROM sync_runs")
    assert row is not None and dict(row) == {"outcome": "failed", "cause": "Google quota (429)"}


async def test_a_grant_that_does_not_decrypt_alerts_the_maintainers(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_google: FakeGoogle,
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    user_id = await connect_user(res, fake_google)
    await res.db.write.execute(
        "UPDATE users SET refresh_token_enc = 'v1.deadbeef.AAAA' WHERE id = $1", user_id
    )
    result = await sync.sync_user_calendar(res, user_id)
    watch.note_sync(res, result, 0.1)
    await res.alerts.settle()

    texts = group_texts(fake_telegram)
    assert len(texts) == 1 and "Stored Google grants do not decrypt" in texts[0]
    kept = await res.db.write.fetchval("SELECT refresh_token_enc FROM users WHERE id = $1", user_id)
    assert kept == "v1.deadbeef.AAAA"


async def test_the_next_good_sync_after_an_unreadable_grant_announces_the_recovery(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_google: FakeGoogle,
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    user_id = await connect_user(res, fake_google)
    sealed = await res.db.write.fetchval(
        "SELECT refresh_token_enc FROM users WHERE id = $1", user_id
    )
    for _ in range(3):  # good syncs first: "grants decrypt" is this process's last state
        watch.note_sync(res, await sync.sync_user_calendar(res, user_id), 0.1)
        await res.alerts.settle()
    await res.db.write.execute(
        "UPDATE users SET refresh_token_enc = 'v1.deadbeef.AAAA' WHERE id = $1", user_id
    )
    watch.note_sync(res, await sync.sync_user_calendar(res, user_id), 0.1)
    await res.alerts.settle()
    await res.db.write.execute(
        "UPDATE users SET refresh_token_enc = $2 WHERE id = $1", user_id, sealed
    )
    watch.note_sync(res, await sync.sync_user_calendar(res, user_id), 0.1)
    await res.alerts.settle()

    texts = group_texts(fake_telegram)
    assert len(texts) == 2
    assert "Stored Google grants do not decrypt" in texts[0]
    assert "Stored Google grants decrypt again" in texts[1]


async def test_each_sync_is_one_row_of_the_sync_history_with_what_it_wrote(
    settings: Settings,
    open_res: OpenResources,
    fake_telegram: FakeTelegram,
    fake_google: FakeGoogle,
) -> None:
    res = await open_res(group_settings(settings, fake_telegram))
    user_id = await connect_user(res, fake_google)
    await res.db.write.execute(
        """
        INSERT INTO contests (platform, external_id, title, url, starts_at, ends_at,
                              first_seen_at, last_seen_at, updated_at)
        SELECT 'codeforces', 'h' || g, 'Round ' || g, 'https://codeforces.com/contests/' || g,
               now() + g * interval '1 day', now() + g * interval '1 day' + interval '2 hours',
               now(), now(), now()
        FROM generate_series(1, 3) g
        """
    )
    for _ in range(2):
        watch.note_sync(res, await sync.sync_user_calendar(res, user_id), 0.1)
    await res.alerts.settle()

    rows = await res.db.write.fetch(
        "SELECT outcome, cause, created, updated, deleted, failed FROM sync_runs "
        "WHERE user_id = $1 ORDER BY id",
        user_id,
    )
    assert [dict(r) for r in rows] == [
        {"outcome": "ok", "cause": None, "created": 3, "updated": 0, "deleted": 0, "failed": 0},
        {"outcome": "ok", "cause": None, "created": 0, "updated": 0, "deleted": 0, "failed": 0},
    ]

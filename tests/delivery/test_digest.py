"""Daily digests through the delivery engine, against the fake Telegram and fake Discord with an
injected clock: once per subscriber per local day at the chosen local hour."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from shared.db import deliveries as dq
from shared.db import guilds as gq
from shared.delivery.engine import run_deliveries
from shared.messaging.posts import DiscordPoster, TelegramPoster
from shared.resources import Resources
from tests.delivery.conftest import add_contest, add_person
from tests.factories import NOW
from tests.fakes.discord import FakeDiscord, text_of
from tests.fakes.telegram import FakeTelegram

MIN = timedelta(minutes=1)
HOUR = timedelta(hours=1)
GROUP = -1001234567890
# NOW is Sun 29 Nov 2026 12:00 UTC; Berlin is UTC+1 then. 08:00 in Berlin on Mon 30 Nov:
BERLIN_8 = NOW + timedelta(hours=19)


def tg(poster: TelegramPoster) -> dict[str, TelegramPoster]:
    return {"telegram": poster}


async def digest_on(res: Resources, subscriber_id: int, hour: int, zone: str | None = None) -> None:
    await dq.set_digest(res.db.write, subscriber_id, hour, zone, NOW)


async def person(res: Resources, user: str, zone: str = "Europe/Berlin") -> int:
    """A Telegram person with no reminders (only the digest speaks), their subscriber id."""
    await add_person(res, "telegram", user, reminders=[], timezone=zone)
    return await dq.ensure_person_subscriber(res.db.write, "telegram", user)


async def test_a_person_gets_one_digest_at_their_local_hour_listing_the_next_24_hours(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await digest_on(chat_res, await person(chat_res, "1001"), 8)
    await add_contest(chat_res, "2001", timedelta(hours=20))  # Mon 09:00 Berlin
    await add_contest(chat_res, "ac1", timedelta(hours=30), platform="atcoder", title="ABC 400")
    await add_contest(chat_res, "2002", timedelta(hours=19 + 25))  # beyond the 24 hours

    for at in (NOW, BERLIN_8 - MIN):
        await run_deliveries(chat_res.db, tg(tg_poster), at)
    assert fake_telegram.sent(1001) == []  # 07:59 in Berlin
    for at in (BERLIN_8, BERLIN_8 + MIN, BERLIN_8 + 5 * HOUR):
        await run_deliveries(chat_res.db, tg(tg_poster), at)
    (digest,) = fake_telegram.sent(1001)
    text = digest["text"]
    assert "Contests in the next 24 hours" in text
    assert "Codeforces Round 1000 (Div. 2)" in text and "ABC 400" in text
    assert "Mon 30 Nov 2026, 09:00 CET" in text and "Duration: 2 h" in text
    assert text.index("Codeforces Round") < text.index("ABC 400")  # soonest first
    assert "/contest/2002" not in str(digest["entities"])
    links = [e["url"] for e in digest["entities"] if e["type"] == "text_link"]
    assert links == ["https://codeforces.com/contest/2001", "https://codeforces.com/contest/ac1"]

    await run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + timedelta(days=1))
    assert len(fake_telegram.sent(1001)) == 2  # the next local day's


async def test_two_engines_at_the_hour_send_each_digest_once(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    for n in range(30):
        await digest_on(chat_res, await person(chat_res, str(5000 + n)), 8)
    await add_contest(chat_res, "2001", timedelta(hours=20))
    results = await asyncio.gather(
        run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8, batch=4),
        run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8, batch=4),
        run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + MIN, batch=4),
    )
    assert sum(r.digests for r in results) == 30
    assert all(len(fake_telegram.sent(5000 + n)) == 1 for n in range(30))


async def test_the_hour_follows_the_zone(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    await digest_on(chat_res, await person(chat_res, "1001", zone="Asia/Tokyo"), 8)
    await add_contest(chat_res, "2001", timedelta(hours=12))
    # 08:00 in Tokyo (UTC+9) is 23:00 UTC: not at 08:00 UTC or 08:00 Berlin.
    for at in (NOW - 4 * HOUR, NOW + 8 * HOUR, NOW + 10 * HOUR + 59 * MIN):
        await run_deliveries(chat_res.db, tg(tg_poster), at)
    assert fake_telegram.sent(1001) == []
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 11 * HOUR)
    assert len(fake_telegram.sent(1001)) == 1


async def test_a_missed_digest_goes_out_late_the_same_local_day_and_never_the_next(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    late = await person(chat_res, "1001")
    await digest_on(chat_res, late, 8)
    await add_contest(chat_res, "2001", timedelta(days=3))
    await run_deliveries(chat_res.db, {}, BERLIN_8)  # recorded; no Telegram sender was running
    await run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + 14 * HOUR + 59 * MIN)  # 22:59
    assert fake_telegram.sent(1001) == []  # the contest is more than 24 hours away: nothing
    await add_contest(chat_res, "2002", timedelta(hours=19 + 15))  # at 23:00 in Berlin
    await run_deliveries(chat_res.db, {}, BERLIN_8 + 24 * HOUR)  # Tuesday's, recorded
    assert fake_telegram.sent(1001) == []
    # The worker comes back on Wednesday at 00:30: Tuesday's is dropped, nothing is sent.
    result = await run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + 40 * HOUR + 30 * MIN)
    assert result.dropped == 1 and fake_telegram.sent(1001) == []
    states = [d["state"] for d in await dq.list_deliveries(chat_res.db.write)]
    assert states == ["dropped", "dropped"]  # Monday's had nothing to list; Tuesday's expired

    other = await person(chat_res, "1002")
    await digest_on(chat_res, other, 8)
    await add_contest(chat_res, "2003", timedelta(days=3, hours=20))
    await run_deliveries(chat_res.db, {}, BERLIN_8 + 48 * HOUR)  # Wednesday's, recorded
    await run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + 62 * HOUR)  # 22:00: late
    assert len(fake_telegram.sent(1002)) == 1 and len(fake_telegram.sent(1001)) == 1
    # Housekeeping forgets them once their day is long over.
    kept = len(await dq.list_deliveries(chat_res.db.write))
    assert await dq.delete_old_digests(chat_res.db.write, BERLIN_8 + timedelta(days=2)) == 2
    assert len(await dq.list_deliveries(chat_res.db.write)) == kept - 2


async def test_a_digest_switched_on_after_its_hour_starts_the_next_day_and_off_stops_it(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    subscriber = await person(chat_res, "1001")
    await dq.set_digest(chat_res.db.write, subscriber, 8, None, BERLIN_8 + 2 * HOUR)
    await add_contest(chat_res, "2001", timedelta(hours=19 + 24 + 5))
    await run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + 3 * HOUR)
    assert fake_telegram.sent(1001) == []
    await run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + 24 * HOUR)
    assert len(fake_telegram.sent(1001)) == 1
    await dq.set_digest(chat_res.db.write, subscriber, None, None, BERLIN_8 + 25 * HOUR)
    await add_contest(chat_res, "2002", timedelta(hours=19 + 48 + 5))
    await run_deliveries(chat_res.db, tg(tg_poster), BERLIN_8 + 48 * HOUR)
    assert len(fake_telegram.sent(1001)) == 1


async def test_a_group_topic_gets_its_digest_in_its_own_zone(
    chat_res: Resources, fake_telegram: FakeTelegram, tg_poster: TelegramPoster
) -> None:
    group = await dq.upsert_group_subscription(chat_res.db.write, str(GROUP), 7, ["atcoder"], [60])
    await digest_on(chat_res, group.id, 20, "America/New_York")  # 20:00 EST = 01:00 UTC
    await add_contest(chat_res, "2001", timedelta(hours=16))
    await add_contest(chat_res, "ac1", timedelta(hours=16), platform="atcoder", title="ABC 400")
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 12 * HOUR + 59 * MIN)
    assert fake_telegram.sent(GROUP) == []
    await run_deliveries(chat_res.db, tg(tg_poster), NOW + 13 * HOUR)
    (digest,) = fake_telegram.sent(GROUP)
    assert digest["message_thread_id"] == 7
    assert "ABC 400" in digest["text"] and "Codeforces" not in digest["text"]
    assert "Sun 29 Nov 2026, 23:00 EST" in digest["text"]


async def test_a_discord_channel_digest_mentions_nobody(
    chat_res: Resources, fake_discord: FakeDiscord, dc_poster: DiscordPoster
) -> None:
    channel = fake_discord.channel("500", "contests")["id"]
    await gq.upsert_guild(
        chat_res.db.write,
        "500",
        configured_by="100",
        channel_id=channel,
        roles={"codeforces": "9001"},
    )
    subscriber = await dq.ensure_channel_subscriber(chat_res.db.write, "500")
    assert subscriber is not None
    await digest_on(chat_res, subscriber, 9, "UTC")
    await add_contest(chat_res, "2001", timedelta(hours=22))
    for at in (NOW + 20 * HOUR, NOW + 21 * HOUR, NOW + 21 * HOUR + MIN):
        await run_deliveries(chat_res.db, {"discord": dc_poster}, at)
    (message,) = [
        m
        for m in fake_discord.channel_messages[channel]
        if m["embeds"][0].get("title") == "Contests in the next 24 hours"
    ]
    unix = int((NOW + 22 * HOUR).timestamp())
    text = text_of(message)
    assert f"<t:{unix}:F>" in text and f"<t:{unix}:R>" in text
    assert "[Codeforces Round 1000 (Div. 2)](https://codeforces.com/contest/2001)" in text
    assert not message.get("content")
    assert message["allowed_mentions"]["parse"] == []
    assert not message["allowed_mentions"].get("roles")

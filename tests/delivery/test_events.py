"""Discord scheduled events in step with a server's contests, against the fake Discord."""

from __future__ import annotations

from datetime import timedelta

from shared.db import guilds as gq
from shared.delivery.events import sync_guild_events
from shared.messaging.posts import DiscordEvents, DiscordPoster
from shared.resources import Resources
from tests.delivery.conftest import add_contest
from tests.factories import NOW
from tests.fakes.discord import FakeDiscord

ROUTES = ("POST", "PATCH", "DELETE")


def event_calls(fake: FakeDiscord) -> int:
    return sum(1 for c in fake.calls if "scheduled-events" in c.route and c.method in ROUTES)


async def test_scheduled_events_follow_a_move_a_cancellation_and_a_deselected_platform(
    chat_res: Resources, fake_discord: FakeDiscord, dc_poster: DiscordPoster
) -> None:
    channel = fake_discord.channel("500", "contests")["id"]
    await gq.upsert_guild(
        chat_res.db.write, "500", configured_by="100", channel_id=channel, platforms=["codeforces"]
    )
    api = DiscordEvents(dc_poster.client)
    await add_contest(chat_res, "2001", timedelta(days=2))
    await add_contest(chat_res, "2002", timedelta(days=10))  # beyond the 7 days
    await add_contest(chat_res, "ac1", timedelta(days=1), platform="atcoder", title="ABC 1")

    await sync_guild_events(chat_res.db, api, NOW)
    (event,) = fake_discord.scheduled_events["500"]
    assert event["name"] == "[Codeforces] Codeforces Round 1000 (Div. 2)"
    assert event["entity_metadata"]["location"] == "https://codeforces.com/contest/2001"
    assert event["scheduled_start_time"].startswith("2026-12-01T12:00:00")
    calls = event_calls(fake_discord)
    await sync_guild_events(chat_res.db, api, NOW + timedelta(minutes=1))
    assert event_calls(fake_discord) == calls  # nothing changed, nothing sent

    await add_contest(chat_res, "2001", timedelta(days=2, hours=3))  # moved
    await sync_guild_events(chat_res.db, api, NOW + timedelta(minutes=2))
    (event,) = fake_discord.scheduled_events["500"]
    assert event["scheduled_start_time"].startswith("2026-12-01T15:00:00")

    await chat_res.db.write.execute("UPDATE contests SET cancelled_at = $1", NOW)
    await sync_guild_events(chat_res.db, api, NOW + timedelta(minutes=3))
    assert fake_discord.scheduled_events["500"] == []

    await add_contest(chat_res, "2003", timedelta(days=3))
    await add_contest(chat_res, "ac2", timedelta(days=3), platform="atcoder", title="ABC 2")
    await sync_guild_events(chat_res.db, api, NOW + timedelta(minutes=4))
    assert [e["name"] for e in fake_discord.scheduled_events["500"]] == [
        "[Codeforces] Codeforces Round 1000 (Div. 2)"
    ]
    await gq.upsert_guild(chat_res.db.write, "500", configured_by="100", platforms=["atcoder"])
    await sync_guild_events(chat_res.db, api, NOW + timedelta(minutes=5))
    assert [e["name"] for e in fake_discord.scheduled_events["500"]] == ["[AtCoder] ABC 2"]

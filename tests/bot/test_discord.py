"""The Discord bot through the real discord.py client, against the fake Discord (REST + gateway),
real PostgreSQL and Valkey, and the fake Google."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.worker.settings import build_worker
from bot.core.commands import build_registry
from bot.core.registry import Registry
from bot.core.types import Context, Invocation, Reply
from bot.discord.app import DiscordBot, start_discord_bot
from bot.discord.render import PERMISSIONS, build_commands
from shared.cache import drop
from shared.cache import keys as cache_keys
from shared.db import contests as cq
from shared.db import users as uq
from shared.messaging.discord import open_discord_sender
from shared.models import ChatPlatform, Contest
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources
from tests.factories import connect_user
from tests.fakes.discord import FakeDiscord, components_of, text_of
from tests.fakes.google import FakeGoogle

ALICE = "210000000000000001"
BOB = "210000000000000002"
GUILD = "500"
COMMANDS_PUT = "PUT /applications/{application_id}/commands"


def soon(hours: float) -> datetime:
    return (datetime.now(UTC) + timedelta(hours=hours)).replace(second=0, microsecond=0)


async def seed(res: Resources) -> None:
    """One contest per platform, the n-th starting n days and 12 hours from now."""
    for i, name in enumerate(PLATFORMS):
        start = soon(24 * i + 12)
        contest = Contest(
            name,
            f"{name}-1",
            f"{PLATFORMS[name].label} Weekly",
            f"https://x.test/{name}",
            start,
            start + timedelta(hours=2),
        )
        async with res.db.write.acquire() as conn, conn.transaction():
            await cq.upsert_contests(conn, name, [contest], datetime.now(UTC))
        await drop(res.valkey, cache_keys.contests(name))


def custom_ids(message: dict[str, object]) -> list[str]:
    return [str(c.get("custom_id")) for c in components_of(message) if c.get("custom_id")]


# ---------------------------------------------------------------- start-up and registration


async def test_start_up_registers_the_slash_commands_with_typed_options(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    [put] = fake_discord.calls_to(COMMANDS_PUT)
    registered = {c["name"]: c for c in put.body}
    assert set(registered) >= {
        "start",
        "help",
        "connect",
        "platforms",
        "upcoming",
        "sync",
        "status",
        "timezone",
        "reminders",
        "disconnect",
        "deleteme",
    }
    upcoming = {o["name"]: o for o in registered["upcoming"]["options"]}
    assert [c["value"] for c in upcoming["platform"]["choices"]] == list(PLATFORMS)
    assert (
        upcoming["days"]["type"],
        upcoming["days"]["min_value"],
        upcoming["days"]["max_value"],
    ) == (4, 1, 30)
    [zone] = registered["timezone"]["options"]
    assert zone["autocomplete"] is True and zone["type"] == 3
    assert all(c["contexts"] == [0, 1] for n, c in registered.items() if n != "setup")
    # Only the guilds intent: no privileged intents, no message content.
    assert fake_discord.intents == 1
    assert fake_discord.identifies == 1


async def test_commands_are_not_registered_again_when_unchanged(
    dc_res: Resources, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    async with AsyncExitStack() as stack:
        await start_discord_bot(dc_res, stack)
    async with AsyncExitStack() as stack:
        await start_discord_bot(dc_res, stack)
    assert len(fake_discord.calls_to(COMMANDS_PUT)) == 1
    assert len(fake_discord.calls_to("GET /applications/{application_id}/commands")) == 2
    assert "Discord slash commands unchanged" in caplog.text


async def test_dev_guild_gets_the_commands_instead_of_everyone(
    dc_res: Resources, fake_discord: FakeDiscord
) -> None:
    dc_res.settings = dc_res.settings.model_copy(update={"DISCORD_DEV_GUILD_ID": int(GUILD)})
    async with AsyncExitStack() as stack:
        await start_discord_bot(dc_res, stack)
    assert fake_discord.calls_to(COMMANDS_PUT) == []
    assert {c["name"] for c in fake_discord.guild_commands[GUILD]} >= {"upcoming", "connect"}


async def test_invite_url_is_logged_with_scopes_and_permissions(
    dc_res: Resources, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO")
    async with AsyncExitStack() as stack:
        await start_discord_bot(dc_res, stack)
    url = (
        f"https://discord.com/oauth2/authorize?client_id={fake_discord.application_id}"
        f"&scope=bot%20applications.commands&permissions={PERMISSIONS.value}"
    )
    assert url in caplog.text
    assert fake_discord.token not in caplog.text


# ---------------------------------------------------------------- commands in a DM and a guild


async def test_upcoming_in_a_dm_shows_timestamps_each_reader_sees_in_their_zone(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    await seed(res)
    interaction = await fake_discord.slash("upcoming", user_id=ALICE)
    message = await interaction.wait_message()
    text = text_of(message)
    assert not interaction.ephemeral
    assert "Times in your own time zone." in text
    stamps = re.findall(r"<t:(\d+):F> \(<t:\1:R>\)", text)
    assert len(stamps) == len(PLATFORMS)
    assert "Codeforces Weekly" in text


async def test_upcoming_options_filter_platform_and_bound_days(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    await seed(res)
    options = [
        {"name": "platform", "type": 3, "value": "codeforces"},
        {"name": "platform2", "type": 3, "value": "atcoder"},
        {"name": "days", "type": 4, "value": 30},
    ]
    interaction = await fake_discord.slash("upcoming", options, user_id=ALICE, guild_id=GUILD)
    text = text_of(await interaction.wait_message())
    assert interaction.ephemeral  # in a server, only the asker sees it
    assert "next 30 days — Codeforces and AtCoder" in text
    assert "Codeforces Weekly" in text and "AtCoder Weekly" in text
    assert "LeetCode Weekly" not in text


async def test_help_in_a_dm_lists_the_commands(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    interaction = await fake_discord.slash("help", user_id=ALICE)
    message = await interaction.wait_message()
    assert interaction.response_type == 4 and not interaction.ephemeral
    text = text_of(message)
    assert "/upcoming [platform…] [days]" in text and "/connect" in text
    assert "(in a private chat)" not in text


async def test_connect_in_a_guild_is_ephemeral_and_makes_a_discord_identity(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    interaction = await fake_discord.slash("connect", user_id=ALICE, guild_id=GUILD)
    message = await interaction.wait_message()
    assert interaction.ephemeral
    [link] = [c for c in components_of(message) if c.get("style") == 5]
    assert link["url"].startswith(f"{res.settings.PUBLIC_BASE_URL}/connect/")
    # The link never reached the channel in public.
    public = [
        m for m in fake_discord.channel_messages[message["channel_id"]] if not m["flags"] & 64
    ]
    assert all(link["url"] not in str(m) for m in public)
    identity = await uq.get_identity(res.db.write, "discord", ALICE)
    assert identity is not None and identity.chat_id == ALICE


async def test_timezone_autocomplete_suggests_iana_names_and_cities(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    options = [{"name": "zone", "type": 3, "value": "toky", "focused": True}]
    interaction = await fake_discord.autocomplete("timezone", options, user_id=ALICE)
    response = await interaction.wait_answered()
    assert response["type"] == 8
    names = [c["value"] for c in response["data"]["choices"]]
    assert names[0] == "Asia/Tokyo" and len(names) <= 25


async def test_timezone_option_is_saved(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    options = [{"name": "zone", "type": 3, "value": "tokyo"}]
    interaction = await fake_discord.slash("timezone", options, user_id=ALICE)
    assert "Time zone set to Asia/Tokyo" in text_of(await interaction.wait_message())
    user = await uq.get_user_by_identity(res.db.write, "discord", ALICE)
    assert user is not None and user.timezone == "Asia/Tokyo"


async def test_sync_in_a_guild_is_edited_with_the_result(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, fake_google: FakeGoogle, res: Resources
) -> None:
    await seed(res)
    await connect_user(res, fake_google, chat_user=ALICE, chat_platform="discord")
    interaction = await fake_discord.slash("sync", user_id=ALICE, guild_id=GUILD)
    first = await interaction.wait_message()
    assert text_of(first) == "Syncing your calendar…" and interaction.ephemeral
    worker = build_worker(res, burst=True, handle_signals=False)
    try:
        await asyncio.wait_for(worker.main(), 30)
    finally:
        await worker.close()
    final = await interaction.wait_edits(1, within=15)
    assert re.match(r"Calendar synced: [1-9][0-9]* added, 0 updated, 0 removed\.$", text_of(final))
    assert (
        len(
            fake_discord.calls_to(
                "POST /interactions/{interaction_id}/{interaction_token}/callback"
            )
        )
        == 1
    )


async def test_status_names_the_chats_of_the_person(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    interaction = await fake_discord.slash("status", user_id=ALICE)
    text = text_of(await interaction.wait_message())
    assert "Linked chats: Discord user @user0001 (this chat)" in text


# ---------------------------------------------------------------- components


async def test_platforms_select_saves_the_chosen_set(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    interaction = await fake_discord.slash("platforms", user_id=ALICE, guild_id=GUILD)
    message = await interaction.wait_message()
    [select] = [c for c in components_of(message) if c["type"] == 3]
    assert select["custom_id"] == f"{ALICE}|pf:set" and len(select["options"]) == len(PLATFORMS)
    # The select replaces the toggle buttons; "Done" stays.
    assert custom_ids(message) == [f"{ALICE}|pf:set", f"{ALICE}|pf:done"]
    press = await fake_discord.press(
        message, f"{ALICE}|pf:set", user_id=ALICE, guild_id=GUILD, values=["atcoder", "codeforces"]
    )
    updated = await press.wait_message()
    assert press.response_type == 7
    assert "Selected: Codeforces and AtCoder." in text_of(updated)
    user = await uq.get_user_by_identity(res.db.write, "discord", ALICE)
    assert user is not None and user.platforms == ["codeforces", "atcoder"]


async def test_a_button_pressed_by_another_member_is_refused(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    interaction = await fake_discord.slash("deleteme", user_id=ALICE, guild_id=GUILD)
    message = await interaction.wait_message()
    assert f"{ALICE}|del:yes" in custom_ids(message)
    fake_discord.add_member(GUILD, BOB)
    press = await fake_discord.press(message, f"{ALICE}|del:yes", user_id=BOB, guild_id=GUILD)
    refusal = await press.wait_answered()
    assert refusal["type"] == 4 and refusal["data"]["flags"] == 64
    assert "belongs to someone else" in refusal["data"]["content"]
    assert await uq.get_user_by_identity(res.db.write, "discord", BOB) is None
    assert await uq.get_user_by_identity(res.db.write, "discord", ALICE) is not None
    assert await res.arq.zcard("arq:queue") == 0  # nothing was deleted on Bob's press


async def test_buttons_keep_working_after_a_restart(
    dc_res: Resources, fake_discord: FakeDiscord
) -> None:
    async with AsyncExitStack() as stack:
        await start_discord_bot(dc_res, stack)
        interaction = await fake_discord.slash("deleteme", user_id=ALICE)
        message = await interaction.wait_message()
    async with AsyncExitStack() as stack:
        await start_discord_bot(dc_res, stack)
        press = await fake_discord.press(message, f"{ALICE}|del:no", user_id=ALICE)
        updated = await press.wait_message()
    assert press.response_type == 7
    assert text_of(updated) == "Cancelled — nothing was deleted."
    assert components_of(updated) == []


# ---------------------------------------------------------------- deadlines and faults


async def _slow(ctx: Context, inv: Invocation) -> Reply:
    """A command that takes longer than Discord's 3-second deadline."""
    await asyncio.sleep(3.5)
    return Reply("Slow but sure.")


@pytest.fixture
async def slow_bot(dc_res: Resources, fake_discord: FakeDiscord) -> AsyncIterator[DiscordBot]:
    registry: Registry = build_registry()
    registry.command("slow", "A slow command", read_only=True)(_slow)
    async with AsyncExitStack() as stack:
        yield await start_discord_bot(dc_res, stack, registry=registry)


async def test_a_slow_command_defers_then_edits_within_the_deadline(
    slow_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    interaction = await fake_discord.slash("slow", user_id=ALICE, guild_id=GUILD)
    response = await interaction.wait_answered()
    assert response["type"] == 5 and interaction.ephemeral
    message = await interaction.wait_message()
    assert text_of(message) == "Slow but sure."
    failed = [c for c in fake_discord.calls if c.status >= 400]
    assert failed == []


async def test_a_dropped_gateway_connection_is_resumed(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    await fake_discord.drop_gateway()
    await asyncio.wait_for(fake_discord.ready.wait(), 20)
    assert fake_discord.resumes == 1 and fake_discord.identifies == 1
    interaction = await fake_discord.slash("help", user_id=ALICE)
    assert "Commands:" in text_of(await interaction.wait_message())


async def test_a_notice_waits_out_a_429_and_reaches_the_dm(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    interaction = await fake_discord.slash("status", user_id=ALICE)
    await interaction.wait_message()
    user = await uq.get_user_by_identity(res.db.write, "discord", ALICE)
    assert user is not None
    fake_discord.rate_limit("POST /channels/{channel_id}/messages", retry_after=0.3)
    await res.messenger.notify_user(user.id, "test", "Connected as alice@example.com")
    [message] = fake_discord.dm_messages(ALICE)
    assert "Connected as alice@example.com" in text_of(message)
    statuses = [c.status for c in fake_discord.calls_to("POST /channels/{channel_id}/messages")]
    assert statuses == [429, 200]
    sent = await res.db.write.fetchval("SELECT count(*) FROM notices WHERE sent_at IS NOT NULL")
    assert sent == 1


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    days=st.integers(min_value=-(2**31), max_value=2**31),
    platform=st.text(max_size=40),
    zone=st.text(max_size=120),
)
async def test_any_option_values_get_an_answer(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, days: int, platform: str, zone: str
) -> None:
    for name, options in (
        (
            "upcoming",
            [
                {"name": "platform", "type": 3, "value": platform},
                {"name": "days", "type": 4, "value": days},
            ],
        ),
        ("timezone", [{"name": "zone", "type": 3, "value": zone}]),
        ("reminders", [{"name": "minutes", "type": 3, "value": zone}]),
    ):
        interaction = await fake_discord.slash(name, options, user_id=ALICE)
        message = await interaction.wait_message()
        assert text_of(message).strip()
        assert "something went wrong" not in text_of(message)


def test_every_generated_command_fits_discord_limits() -> None:
    commands = build_commands(build_registry())
    for command in commands:
        assert re.fullmatch(r"[a-z0-9_-]{1,32}", command["name"])
        assert 1 <= len(command["description"]) <= 100
        assert len(command["options"]) <= 25


async def test_a_process_without_the_bot_delivers_notices_over_rest(
    dc_res: Resources, fake_discord: FakeDiscord
) -> None:
    async with dc_res.db.write.acquire() as conn, conn.transaction():
        identity = await uq.upsert_identity(conn, "discord", ALICE, ALICE, "alice")
    async with AsyncExitStack() as stack:
        sender = await open_discord_sender(dc_res.settings, stack)
        assert sender is not None
        dc_res.messenger.register(ChatPlatform.DISCORD, sender)
        await dc_res.messenger.notify_user(identity.user_id, "test", "Your calendar is synced.")
    [message] = fake_discord.dm_messages(ALICE)
    assert text_of(message) == "Your calendar is synced."
    assert fake_discord.identifies == 0  # REST only: no gateway connection
    sent = await dc_res.db.write.fetchval("SELECT count(*) FROM notices WHERE sent_at IS NOT NULL")
    assert sent == 1


PERSONAL = [
    "start",
    "help",
    "connect",
    "platforms",
    "upcoming",
    "sync",
    "status",
    "timezone",
    "reminders",
    "disconnect",
    "deleteme",
]


@pytest.mark.parametrize("guild", [None, GUILD], ids=["dm", "guild"])
async def test_every_personal_command_answers_in_a_dm_and_privately_in_a_guild(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, guild: str | None
) -> None:
    for name in PERSONAL:
        interaction = await fake_discord.slash(name, user_id=ALICE, guild_id=guild)
        message = await interaction.wait_message()
        text = text_of(message)
        assert text.strip() and "something went wrong" not in text, name
        assert "works in a private chat" not in text, name
        assert interaction.ephemeral == (guild is not None), name
    failed = [(c.route, c.status) for c in fake_discord.calls if c.status >= 400]
    assert failed == []


async def test_upcoming_pages_are_turned_in_place(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    contests = [
        Contest(
            "codeforces", f"cf-{i}", f"Round {i}", "https://x.test/cf", soon(3 + i), soon(5 + i)
        )
        for i in range(25)
    ]
    async with res.db.write.acquire() as conn, conn.transaction():
        await cq.upsert_contests(conn, "codeforces", contests, datetime.now(UTC))
    await drop(res.valkey, cache_keys.contests("codeforces"))
    interaction = await fake_discord.slash("upcoming", user_id=ALICE, guild_id=GUILD)
    message = await interaction.wait_message()
    assert "Page 1 of" in text_of(message)
    [later] = [c for c in custom_ids(message) if c.startswith(f"{ALICE}|up:1:")]
    press = await fake_discord.press(message, later, user_id=ALICE, guild_id=GUILD)
    turned = await press.wait_message()
    assert press.response_type == 7 and "Page 2 of" in text_of(turned)
    assert turned["id"] == message["id"]


async def test_an_auto_sharded_client_runs_with_discord_shard_count(
    dc_res: Resources, fake_discord: FakeDiscord
) -> None:
    dc_res.settings = dc_res.settings.model_copy(update={"DISCORD_SHARD_COUNT": 1})
    async with AsyncExitStack() as stack:
        bot = await start_discord_bot(dc_res, stack)
        assert isinstance(bot.client, discord.AutoShardedClient)
        interaction = await fake_discord.slash("help", user_id=ALICE)
        assert "Commands:" in text_of(await interaction.wait_message())

"""/setup for server admins and the role picker, through the real discord.py client and the
fake Discord, on real PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import discord

from bot.discord.app import DiscordBot
from shared.db import deliveries as dq
from shared.db import guilds as gq
from shared.resources import Resources
from tests.fakes.discord import (
    EMBED_LINKS,
    MANAGE_GUILD,
    SEND_MESSAGES,
    FakeDiscord,
    components_of,
    text_of,
)

GUILD = "500"
OWNER = "100"  # the server's owner: every permission
BOB = "210000000000000002"  # a member without Manage Server
COMMANDS_PUT = "PUT /applications/{application_id}/commands"


async def setup(
    fake: FakeDiscord, sub: str, options: list[dict[str, object]] | None = None, user: str = OWNER
) -> str:
    """Run `/setup <sub>` and return the (ephemeral) answer's text."""
    interaction = await fake.slash(
        "setup",
        [{"name": sub, "type": 1, "options": options or []}],
        user_id=user,
        guild_id=GUILD,
    )
    message = await interaction.wait_message()
    assert interaction.ephemeral
    return text_of(message)


async def known_to_bot(
    bot: DiscordBot, fake: FakeDiscord, look: Callable[[discord.Client], object]
) -> None:
    """Wait until the gateway events about a change reached the bot's cache."""
    await fake.settle()
    for _ in range(100):
        if look(bot.client):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the bot never learned of the change")


def channel_option(fake: FakeDiscord, name: str = "contests") -> list[dict[str, object]]:
    return [{"name": "channel", "type": 7, "value": fake.channel(GUILD, name)["id"]}]


async def test_setup_is_registered_for_manage_server_in_servers_only(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    [put] = fake_discord.calls_to(COMMANDS_PUT)
    [command] = [c for c in put.body if c["name"] == "setup"]
    assert command["default_member_permissions"] == str(MANAGE_GUILD)
    assert command["contexts"] == [0]
    assert [o["name"] for o in command["options"]] == [
        "channel",
        "platforms",
        "roles",
        "reminders",
        "show",
        "off",
    ]
    assert all(o["type"] == 1 for o in command["options"])
    assert "rolepicker" not in {c["name"] for c in put.body}


async def test_setup_is_refused_at_run_time_without_manage_server(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    fake_discord.add_member(GUILD, BOB)
    text = await setup(fake_discord, "channel", channel_option(fake_discord), user=BOB)
    assert "needs the Manage Server permission" in text
    assert await gq.get_guild(res.db.write, GUILD) is None


async def test_setup_channel_is_stored_and_permissions_are_checked(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    text = await setup(fake_discord, "channel", channel_option(fake_discord))
    assert "Contest announcements will go to #contests." in text
    assert "I have every permission I need in #contests." in text
    stored = await gq.get_guild(res.db.write, GUILD)
    assert stored is not None and stored.active
    assert stored.channel_id == fake_discord.channel(GUILD, "contests")["id"]
    assert stored.reminder_minutes == [1440, 60] and stored.configured_by == OWNER


async def test_missing_channel_permissions_are_named_exactly(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    channel = fake_discord.add_channel(GUILD, "quiet")
    bot_role = fake_discord.role_named(GUILD, "ContestSync")
    assert bot_role is not None
    fake_discord.deny_in_channel(channel["id"], bot_role["id"], SEND_MESSAGES | EMBED_LINKS)
    await known_to_bot(discord_bot, fake_discord, lambda c: c.get_channel(int(channel["id"])))
    text = await setup(fake_discord, "channel", channel_option(fake_discord, "quiet"))
    assert "I am missing these permissions in #quiet: Send Messages, Embed Links." in text
    assert "Server Settings → Roles → ContestSync" in text


async def test_platforms_roles_and_the_role_picker(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    await setup(fake_discord, "channel", channel_option(fake_discord))
    interaction = await fake_discord.slash(
        "setup", [{"name": "platforms", "type": 1, "options": []}], user_id=OWNER, guild_id=GUILD
    )
    message = await interaction.wait_message()
    submit = await fake_discord.press(
        message, f"{OWNER}|gs:pf", user_id=OWNER, guild_id=GUILD, values=["codeforces", "atcoder"]
    )
    assert "announcements for Codeforces and AtCoder" in text_of(await submit.wait_message())

    text = await setup(fake_discord, "roles")
    codeforces = fake_discord.role_named(GUILD, "Codeforces")
    atcoder = fake_discord.role_named(GUILD, "AtCoder")
    assert codeforces is not None and atcoder is not None and codeforces["mentionable"]
    assert f"Codeforces → <@&{codeforces['id']}> (created)" in text
    stored = await gq.get_guild(res.db.write, GUILD)
    assert stored is not None
    assert stored.roles == {"codeforces": codeforces["id"], "atcoder": atcoder["id"]}

    channel = fake_discord.channel(GUILD, "contests")["id"]
    [picker] = [m for m in fake_discord.channel_messages[channel] if m["type"] == 0]
    assert stored.picker_message_id == picker["id"]
    assert [c["custom_id"] for c in components_of(picker)] == ["*|gr:codeforces", "*|gr:atcoder"]

    fake_discord.add_member(GUILD, BOB)
    first = await fake_discord.press(picker, "*|gr:codeforces", user_id=BOB, guild_id=GUILD)
    assert "You now get a ping for Codeforces contests" in text_of(await first.wait_message())
    assert first.ephemeral
    assert fake_discord.member_roles(GUILD, BOB) == [codeforces["id"]]
    second = await fake_discord.press(picker, "*|gr:codeforces", user_id=BOB, guild_id=GUILD)
    assert "no longer get pings" in text_of(await second.wait_message())
    assert fake_discord.member_roles(GUILD, BOB) == []


async def test_setup_roles_maps_an_existing_role(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    existing = fake_discord.add_role(GUILD, "cf-fans")
    role_id = int(existing["id"])
    await known_to_bot(
        discord_bot, fake_discord, lambda c: any(g.get_role(role_id) for g in c.guilds)
    )
    await setup(fake_discord, "channel", channel_option(fake_discord))
    text = await setup(
        fake_discord,
        "roles",
        [
            {"name": "platform", "type": 3, "value": "codeforces"},
            {"name": "role", "type": 8, "value": existing["id"]},
        ],
    )
    assert f"Codeforces → <@&{existing['id']}>" in text
    stored = await gq.get_guild(res.db.write, GUILD)
    assert stored is not None and stored.roles == {"codeforces": existing["id"]}
    assert fake_discord.calls_to("POST /guilds/{guild_id}/roles") == []


async def test_reminders_show_and_off(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    await setup(fake_discord, "channel", channel_option(fake_discord))
    text = await setup(
        fake_discord, "reminders", [{"name": "minutes", "type": 3, "value": "30 2h"}]
    )
    assert "announced 2 h and 30 min before" in text
    shown = await setup(fake_discord, "show")
    assert "Status: on" in shown and "Announced: 2 h and 30 min before each contest" in shown
    assert "Announcements are off" in await setup(fake_discord, "off")
    stored = await gq.get_guild(res.db.write, GUILD)
    assert stored is not None and not stored.active and stored.reminder_minutes == [120, 30]


async def test_a_removed_server_is_paused_and_resumed_when_added_back(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    await setup(fake_discord, "channel", channel_option(fake_discord))
    fake_discord.remove_guild(GUILD)

    async def state() -> bool | None:
        stored = await gq.get_guild(res.db.write, GUILD)
        return None if stored is None else stored.active

    for _ in range(100):
        if await state() is False:
            break
        await asyncio.sleep(0.05)
    assert await state() is False
    assert [g.guild_id for g in await gq.list_active_guilds(res.db.write)] == []
    fake_discord.add_guild(GUILD, name="Contest Club", owner_id=OWNER)
    for _ in range(100):
        if await state():
            break
        await asyncio.sleep(0.05)
    assert await state() is True
    assert [g.guild_id for g in await gq.list_active_guilds(res.db.write)] == [GUILD]


async def test_members_pressing_the_role_picker_do_not_become_users(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    await setup(fake_discord, "channel", channel_option(fake_discord))
    await setup(fake_discord, "roles")
    channel = fake_discord.channel(GUILD, "contests")["id"]
    [picker] = [m for m in fake_discord.channel_messages[channel] if m["type"] == 0]
    fake_discord.add_member(GUILD, BOB)
    press = await fake_discord.press(picker, "*|gr:leetcode", user_id=BOB, guild_id=GUILD)
    assert "LeetCode" in text_of(await press.wait_message())
    assert await res.db.write.fetchval("SELECT count(*) FROM identities") == 0


async def digest(fake: FakeDiscord, hour: str | None, zone: str | None, user: str = OWNER) -> str:
    """Run `/digest [hour] [zone]` in the server and return the (ephemeral) answer's text."""
    options: list[dict[str, object]] = []
    if hour is not None:
        options.append({"name": "hour", "type": 3, "value": hour})
    if zone is not None:
        options.append({"name": "zone", "type": 3, "value": zone})
    interaction = await fake.slash("digest", options, user_id=user, guild_id=GUILD)
    message = await interaction.wait_message()
    return text_of(message)


async def test_a_server_digest_is_for_its_admins_with_the_server_zone(
    discord_bot: DiscordBot, fake_discord: FakeDiscord, res: Resources
) -> None:
    [put] = fake_discord.calls_to(COMMANDS_PUT)
    [command] = [c for c in put.body if c["name"] == "digest"]
    assert [o["name"] for o in command["options"]] == ["hour", "zone"]
    assert command["options"][1]["autocomplete"] is True
    assert "/setup channel" in await digest(fake_discord, "8", None)  # no channel yet
    await setup(fake_discord, "channel", channel_option(fake_discord))
    fake_discord.add_member(GUILD, BOB)
    assert "Manage Server" in await digest(fake_discord, "8", None, user=BOB)
    subscriber = await dq.ensure_channel_subscriber(res.db.write, GUILD)
    assert subscriber is not None
    assert (await dq.get_digest(res.db.write, subscriber)).hour is None

    text = await digest(fake_discord, "9", "Tokyo")
    assert "09:00 (Asia/Tokyo)" in text and "announcement channel" in text
    stored = await dq.get_digest(res.db.write, subscriber)
    assert (stored.hour, stored.timezone) == (9, "Asia/Tokyo")
    assert "09:00 (Asia/Tokyo)" in await digest(fake_discord, None, None)
    assert "off" in await digest(fake_discord, "off", None)
    assert (await dq.get_digest(res.db.write, subscriber)).hour is None

"""The Discord bot through the real discord.py client, against the fake Discord (REST + gateway),
real PostgreSQL and Valkey, and the fake Google."""

from __future__ import annotations

from bot.discord.app import DiscordBot
from tests.fakes.discord import FakeDiscord, text_of

ALICE = "210000000000000001"
BOB = "210000000000000002"
GUILD = "500"


async def test_help_in_a_dm_lists_the_commands(
    discord_bot: DiscordBot, fake_discord: FakeDiscord
) -> None:
    interaction = await fake_discord.slash("help", user_id=ALICE)
    message = await interaction.wait_message()
    assert interaction.response_type == 4 and not interaction.ephemeral
    text = text_of(message)
    assert "/upcoming [platform…] [days]" in text and "/connect" in text

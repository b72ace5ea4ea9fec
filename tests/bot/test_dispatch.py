"""The dispatcher: routing, private-only commands in groups, and the one error policy."""

from __future__ import annotations

import logging
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.commands import build_registry
from bot.core.dispatch import dispatch
from bot.core.types import Button, ChatPlatform, Context, Invocation, Reply
from bot.telegram.render import build_capabilities
from shared.db import users as uq
from shared.resources import Resources
from tests.factories import connect_user
from tests.fakes.google import FakeGoogle

BOT_USERNAME = "contestsync_test_bot"
PRIVATE_URL = f"https://t.me/{BOT_USERNAME}"
CHAT_USER = "1001"
GROUP_CHAT = "-100777"
APOLOGY = re.compile(
    r"^Sorry, something went wrong on our side \(error ([0-9a-f]{8})\)\. Please try again\.$"
)
COMMANDS = [c.name for c in build_registry().offered(ChatPlatform.TELEGRAM) if not c.hidden]
PERSONAL = [c.name for c in build_registry() if c.private_only and not c.hidden]
PUBLIC = [
    c.name
    for c in build_registry().offered(ChatPlatform.TELEGRAM)
    if not c.admin_only and not c.hidden
]  # as in /help


async def send(
    res: Resources,
    command: str,
    *args: str,
    private: bool = True,
    callback: str | None = None,
    bot_username: str | None = BOT_USERNAME,
) -> Reply:
    chat = CHAT_USER if private else GROUP_CHAT
    inv = Invocation(
        ChatPlatform.TELEGRAM,
        CHAT_USER,
        chat,
        command,
        tuple(args),
        is_private=private,
        username="alice",
        callback=callback,
    )
    ctx = Context(res, build_capabilities(bot_username))
    return await dispatch(ctx, build_registry(), inv)


def all_buttons(reply: Reply) -> list[Button]:
    return [b for row in reply.buttons for b in row]


async def test_unknown_command_points_to_help(res: Resources) -> None:
    reply = await send(res, "frobnicate")
    assert reply.text == "Unknown command, see /help."


async def test_unknown_button_says_it_is_no_longer_valid(res: Resources) -> None:
    reply = await send(res, "", callback="zz:1")
    assert reply.text == "This button is no longer valid, see /help."


async def test_a_private_command_creates_the_user_once(res: Resources) -> None:
    await send(res, "help")
    await send(res, "status")
    identity = await uq.get_identity(res.db.write, "telegram", CHAT_USER)
    assert identity is not None and identity.chat_id == CHAT_USER and identity.username == "alice"
    assert await res.db.write.fetchval("SELECT count(*) FROM users") == 1


async def test_help_is_generated_from_the_registry(res: Resources) -> None:
    private = (await send(res, "help")).text
    assert private.startswith("Commands:")
    for name in PUBLIC:
        assert f"\n/{name}" in private
    group = (await send(res, "help", private=False)).text
    assert "/sync — Sync your calendar now (in a private chat)" in group
    assert "/upcoming [platform…] [days] — Upcoming contests, by day\n" in group


@pytest.mark.parametrize("command", PERSONAL)
async def test_personal_command_in_a_group_links_to_the_private_chat(
    res: Resources, command: str
) -> None:
    reply = await send(res, command, private=False)
    assert f"/{command} works in a private chat" in reply.text
    [link] = all_buttons(reply)
    assert link.url == f"{PRIVATE_URL}?start={command}"
    assert await res.db.write.fetchval("SELECT count(*) FROM users") == 0


async def test_personal_command_in_a_group_without_a_private_url_answers_text_only(
    res: Resources,
) -> None:
    reply = await send(res, "sync", private=False, bot_username=None)
    assert "works in a private chat" in reply.text and reply.buttons == ()


async def test_personal_deep_link_from_a_group_start_still_needs_a_private_chat(
    res: Resources,
) -> None:
    reply = await send(res, "start", "connect", private=False)
    assert [b.url for b in all_buttons(reply)] == [f"{PRIVATE_URL}?start=connect"]


async def test_start_in_a_group_offers_upcoming_and_the_private_chat(res: Resources) -> None:
    reply = await send(res, "start", private=False)
    assert [(b.data, b.url) for b in all_buttons(reply)] == [
        ("upcoming", None),
        (None, f"{PRIVATE_URL}?start=start"),
    ]


async def test_forged_button_data_gets_a_clear_message(res: Resources) -> None:
    assert "send /platforms again" in (await send(res, "", callback="pf:topcoder")).text
    assert "send /disconnect again" in (await send(res, "", callback="dc:maybe")).text
    assert "send /deleteme again" in (await send(res, "", callback="del:perhaps")).text
    assert "send /connect again" in (await send(res, "", callback="connect:other")).text


async def test_unexpected_failure_answers_with_an_error_id_and_logs_it_without_the_message(
    res: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    # A schema the code does not expect: a real failure that is no outage and no user error.
    await res.db.write.execute("ALTER TABLE users RENAME COLUMN timezone TO timezone_gone")
    try:
        with caplog.at_level(logging.ERROR, logger="bot.core.dispatch"):
            reply = await send(res, "timezone", "Secret/Words-42")
    finally:
        await res.db.write.execute("ALTER TABLE users RENAME COLUMN timezone_gone TO timezone")
    match = APOLOGY.match(reply.text)
    assert match is not None
    [record] = [r for r in caplog.records if r.name == "bot.core.dispatch"]
    assert match.group(1) in record.getMessage() and record.exc_info is not None
    assert "Secret/Words-42" not in caplog.text


async def test_unexpected_failure_in_a_followup_is_answered_too(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await connect_user(res, fake_google)
    reply = await send(res, "sync")
    assert reply.followup is not None
    await res.db.close()
    result = await reply.followup()
    assert result is not None and result.edit and APOLOGY.match(result.text)


# ---------------------------------------------------------------- any input, always an answer

TOKENS = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
    st.integers().map(str),
    st.integers(min_value=10**30, max_value=10**400).map(str),
    st.sampled_from(
        [
            "cf",
            "LeetCode",
            "days",
            "day",
            "3d",
            "off",
            "none",
            "all",
            "2",
            "weeks",
            "0",
            "-1",
            "Tokyo",
            "asia/tokyo",
            "40320",
            "1h",
            "∞",
            "٣",
            "½",
            "connect",
            "sync",
            "start",
        ]
    ),
    st.text(min_size=200, max_size=3000),
)
ARGS = st.lists(TOKENS, max_size=8)
CALLBACKS = st.one_of(
    st.text(max_size=64),
    st.tuples(
        st.sampled_from(["pf:", "up:", "dc:", "del:", "connect:", "platforms", "upcoming"]),
        st.text(max_size=40),
    ).map("".join),
    st.tuples(st.integers(-5, 10**6), st.integers(-5, 100), st.text(max_size=20)).map(
        lambda t: f"up:{t[0]}:{t[1]}:{t[2]}"
    ),
)
NO_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


def assert_sane(reply: Reply) -> None:
    assert isinstance(reply, Reply)
    assert 0 < len(reply.text) <= 4096
    assert not APOLOGY.match(reply.text), reply.text
    for button in all_buttons(reply):
        assert button.url is not None or len((button.data or "").encode()) <= 64


@settings(max_examples=150, deadline=None, suppress_health_check=NO_HEALTH)
@given(command=st.sampled_from(COMMANDS), args=ARGS, private=st.booleans())
async def test_any_arguments_to_any_command_get_a_short_reply(
    res: Resources, command: str, args: list[str], private: bool
) -> None:
    assert_sane(await send(res, command, *args, private=private))


@settings(max_examples=60, deadline=None, suppress_health_check=NO_HEALTH)
@given(command=st.sampled_from(COMMANDS), args=ARGS)
async def test_any_arguments_from_a_connected_user_get_a_short_reply(
    res: Resources, fake_google: FakeGoogle, command: str, args: list[str]
) -> None:
    user = await uq.get_user_by_identity(res.db.write, "telegram", CHAT_USER)
    if user is None or not user.connected:
        await connect_user(res, fake_google, chat_user=CHAT_USER)
    assert_sane(await send(res, command, *args))


@settings(max_examples=150, deadline=None, suppress_health_check=NO_HEALTH)
@given(data=CALLBACKS, private=st.booleans())
async def test_any_button_data_gets_a_short_reply(res: Resources, data: str, private: bool) -> None:
    assert_sane(await send(res, "", callback=data, private=private))


@settings(max_examples=60, deadline=None, suppress_health_check=NO_HEALTH)
@given(name=st.text(max_size=50), args=ARGS)
async def test_any_command_name_gets_a_short_reply(
    res: Resources, name: str, args: list[str]
) -> None:
    assert_sane(await send(res, name, *args))

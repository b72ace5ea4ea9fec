"""/upcoming: defaults, filters, days, aliases, pages, length limits, time zones, groups."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.core.commands import PAGE_SIZE, build_registry
from bot.core.dispatch import dispatch
from bot.core.types import ChatPlatform, Context, Invocation, Reply
from bot.telegram.render import build_capabilities
from shared.cache import drop
from shared.cache import keys as cache_keys
from shared.db import contests as cq
from shared.db import users as uq
from shared.models import Contest
from shared.platforms.registry import PLATFORMS, get_platform
from shared.resources import Resources
from shared.services.scrape import scrape_platform
from tests.factories import codeforces_payload, connect_user
from tests.fakes.google import FakeGoogle
from tests.fakes.platforms import FakePlatforms

BOT_USERNAME = "contestsync_test_bot"
CHAT_USER = "1001"
GROUP_CHAT = "-100777"


def context(res: Resources) -> Context:
    return Context(res, build_capabilities(BOT_USERNAME))


async def say(res: Resources, text: str, *, private: bool = True) -> Reply:
    name, *args = text.removeprefix("/").split()
    chat = CHAT_USER if private else GROUP_CHAT
    inv = Invocation(ChatPlatform.TELEGRAM, CHAT_USER, chat, name, tuple(args), is_private=private)
    return await dispatch(context(res), build_registry(), inv)


async def press(res: Resources, data: str, *, private: bool = True) -> Reply:
    chat = CHAT_USER if private else GROUP_CHAT
    inv = Invocation(ChatPlatform.TELEGRAM, CHAT_USER, chat, "", is_private=private, callback=data)
    return await dispatch(context(res), build_registry(), inv)


def soon(hours: float) -> datetime:
    """A start time `hours` from now, on a whole minute."""
    return (datetime.now(UTC) + timedelta(hours=hours)).replace(second=0, microsecond=0)


async def seed(
    res: Resources, platform: str, entries: Sequence[tuple[str, str, datetime, int]]
) -> None:
    """Store contests (id, title, start, duration seconds) as a scrape would, cache dropped."""
    contests = [
        Contest(
            platform,
            cid,
            title,
            f"https://example.com/{platform}/{cid}",
            start,
            start + timedelta(seconds=duration),
        )
        for cid, title, start, duration in entries
    ]
    async with res.db.write.acquire() as conn, conn.transaction():
        await cq.upsert_contests(conn, platform, contests, datetime.now(UTC))
    await drop(res.valkey, cache_keys.contests(platform))


async def seed_one_per_platform(res: Resources, hours: float = 24) -> None:
    for i, name in enumerate(PLATFORMS):
        await seed(
            res, name, [(f"{name}-1", f"{PLATFORMS[name].label} Weekly", soon(hours + i), 5400)]
        )


def labels_in(text: str) -> set[str]:
    return {p.label for p in PLATFORMS.values() if f"  {p.label} · " in text}


async def test_upcoming_lists_contests_by_day_with_time_platform_title_duration_and_link(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    start = soon(30)
    fake_platforms.serve(
        "codeforces", codeforces_payload((2077, "Round 1000 (Div. 2)", start, 8100))
    )
    result = await scrape_platform(res, get_platform("codeforces"), now=datetime.now(UTC))
    assert result.status.value == "ok"
    text = (await say(res, "/upcoming")).text
    assert f"\n{start:%a %d %b}\n" in text
    assert f"{start:%H:%M}  Codeforces · Round 1000 (Div. 2) · 2h 15m\n" in text
    assert "https://codeforces.com/contest" in text
    assert "Times in UTC." in text


async def test_upcoming_defaults_to_the_users_platforms(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await seed_one_per_platform(res)
    await connect_user(res, fake_google, chat_user=CHAT_USER, platforms=("atcoder", "leetcode"))
    text = (await say(res, "/upcoming")).text
    assert labels_in(text) == {"AtCoder", "LeetCode"}
    assert "LeetCode and AtCoder" in text


async def test_upcoming_shows_every_platform_when_none_chosen(res: Resources) -> None:
    await seed_one_per_platform(res)
    text = (await say(res, "/upcoming")).text
    assert labels_in(text) == {p.label for p in PLATFORMS.values()}
    assert "all platforms" in text


async def test_upcoming_filters_by_named_platforms_case_insensitively(res: Resources) -> None:
    await seed_one_per_platform(res)
    text = (await say(res, "/upcoming CodeForces atcoder")).text
    assert labels_in(text) == {"Codeforces", "AtCoder"}


async def test_upcoming_accepts_labels_and_short_aliases(res: Resources) -> None:
    await seed_one_per_platform(res)
    assert labels_in((await say(res, "/upcoming LeetCode")).text) == {"LeetCode"}
    assert labels_in((await say(res, "/upcoming gfg")).text) == {"GeeksforGeeks"}
    assert labels_in((await say(res, "/upcoming cf cc")).text) == {"Codeforces", "CodeChef"}
    assert labels_in((await say(res, "/upcoming ac hr c360")).text) == {
        "AtCoder",
        "HackerRank",
        "Code360",
    }


async def test_upcoming_named_platforms_override_the_users_choice(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await seed_one_per_platform(res)
    await connect_user(res, fake_google, platforms=("atcoder",))
    assert labels_in((await say(res, "/upcoming leetcode")).text) == {"LeetCode"}


async def test_upcoming_days_limit_the_range(res: Resources) -> None:
    await seed(
        res,
        "codeforces",
        [("1", "In two days", soon(48), 7200), ("2", "In ten days", soon(240), 7200)],
    )
    default = (await say(res, "/upcoming")).text
    assert "In two days" in default and "In ten days" not in default
    assert "In ten days" in (await say(res, "/upcoming 14")).text
    three = (await say(res, "/upcoming codeforces 3 days")).text
    assert "In two days" in three and "next 3 days" in three
    assert "No contests" in (await say(res, "/upcoming 1")).text


async def test_upcoming_says_when_nothing_is_coming(res: Resources) -> None:
    reply = await say(res, "/upcoming atcoder")
    assert (
        reply.text
        == "No contests on AtCoder in the next 7 days. Try a longer range, e.g. /upcoming 30."
    )


async def test_upcoming_rejects_an_unknown_platform_with_an_example(res: Resources) -> None:
    text = (await say(res, "/upcoming topcoder")).text
    assert 'Unknown platform "topcoder"' in text and "Example: /upcoming" in text


async def test_upcoming_rejects_days_out_of_range(res: Resources) -> None:
    for bad in ("0", "31", "-1", "99999999999999999999"):
        text = (await say(res, f"/upcoming {bad}")).text
        assert "must be 1–30" in text and "Example: /upcoming 14" in text


async def test_upcoming_rejects_garbage(res: Resources) -> None:
    assert "only once" in (await say(res, "/upcoming 3 4")).text
    assert 'Put the number before "days"' in (await say(res, "/upcoming days")).text
    assert 'Unknown platform "!!"' in (await say(res, "/upcoming !!")).text
    bell = (await say(res, "/upcoming a\x07b")).text
    assert 'Unknown platform "a?b"' in bell


async def test_upcoming_pages_with_buttons_that_edit_in_place(res: Resources) -> None:
    await seed(
        res, "codeforces", [(str(i), f"Round {i:02d}", soon(2 + i), 3600) for i in range(25)]
    )
    first = await say(res, "/upcoming")
    assert "Round 00" in first.text and "Round 10" not in first.text
    assert "Page 1 of 3 · 25 contests" in first.text
    [[later]] = first.buttons
    assert later.text == "Later ▶" and later.data is not None
    second = await press(res, later.data)
    assert second.edit and "Round 10" in second.text and "Round 09" not in second.text
    earlier, later2 = second.buttons[0]
    assert earlier.data is not None and later2.data is not None
    third = await press(res, later2.data)
    assert "Round 24" in third.text and "Page 3 of 3" in third.text
    assert [b.text for b in third.buttons[0]] == ["◀ Earlier"]
    assert (await press(res, earlier.data)).text == first.text


async def test_upcoming_page_buttons_keep_the_platform_filter_and_days(res: Resources) -> None:
    await seed(res, "atcoder", [(f"a{i}", f"ABC {i}", soon(1 + i), 6000) for i in range(12)])
    await seed(res, "codeforces", [(f"c{i}", f"CF {i}", soon(1 + i), 6000) for i in range(12)])
    first = await say(res, "/upcoming ac 5 days")
    data = first.buttons[0][0].data
    assert data == "up:1:5:ac"
    second = await press(res, data)
    assert labels_in(second.text) == {"AtCoder"} and "next 5 days" in second.text


async def test_upcoming_button_data_fits_64_bytes_with_every_platform(res: Resources) -> None:
    everyone = " ".join(PLATFORMS)
    entries = [(str(i), f"R{i}", soon(1 + i / 2), 3600) for i in range(2 * PAGE_SIZE + 1)]
    for name in list(PLATFORMS)[:-1]:
        await seed(res, name, entries)
    reply = await say(res, f"/upcoming {everyone} 30")
    second = await press(res, reply.buttons[0][0].data or "")
    for button in second.buttons[0]:
        assert button.data is not None and len(button.data.encode()) <= 64


async def test_every_page_stays_under_4000_characters_with_long_titles(res: Resources) -> None:
    title = "Extremely Long Contest Title " * 20
    entries = [(str(i), f"{i} {title}", soon(1 + i * 0.1), 3600 * 30) for i in range(120)]
    await seed(res, "codechef", entries)
    reply = await say(res, "/upcoming 30")
    pages = 0
    seen: set[str] = set()
    while True:
        pages += 1
        assert len(reply.text) <= 4000
        seen.update(re.findall(r"https://example.com/codechef/(\d+)", reply.text))
        nxt = [b for row in reply.buttons for b in row if b.text == "Later ▶"]
        if not nxt:
            break
        reply = await press(res, nxt[0].data or "")
    assert pages == 12 and len(seen) == 120


async def test_upcoming_shows_times_in_the_users_time_zone(
    res: Resources, fake_google: FakeGoogle
) -> None:
    start = soon(50).replace(hour=12, minute=0)
    await seed(res, "codeforces", [("1", "Tokyo Round", start, 7200)])
    await connect_user(res, fake_google, platforms=("codeforces",), timezone="Asia/Tokyo")
    text = (await say(res, "/upcoming")).text
    assert "21:00  Codeforces · Tokyo Round" in text and "Times in Asia/Tokyo." in text


async def test_upcoming_in_a_group_lists_all_platforms_in_utc_without_creating_users(
    res: Resources, fake_google: FakeGoogle
) -> None:
    await seed_one_per_platform(res)
    start = soon(50).replace(hour=12, minute=0)
    await seed(res, "codeforces", [("tz", "Group Round", start, 7200)])
    await connect_user(res, fake_google, platforms=("atcoder",), timezone="Asia/Tokyo")
    reply = await say(res, "/upcoming", private=False)
    assert labels_in(reply.text) == {p.label for p in PLATFORMS.values()}
    assert "12:00  Codeforces · Group Round" in reply.text and "Times in UTC." in reply.text
    assert await res.db.write.fetchval("SELECT count(*) FROM users") == 1


async def test_upcoming_in_a_group_filters_when_platforms_are_given(res: Resources) -> None:
    await seed_one_per_platform(res)
    reply = await say(res, "/upcoming hackerrank", private=False)
    assert labels_in(reply.text) == {"HackerRank"}
    assert await uq.get_identity(res.db.write, "telegram", CHAT_USER) is None


async def test_upcoming_marks_a_running_contest_with_its_end(res: Resources) -> None:
    start = soon(-1)
    await seed(res, "leetcode", [("live", "Live Contest", start, 3 * 3600)])
    text = (await say(res, "/upcoming")).text
    end = start + timedelta(hours=3)
    assert f"Live Contest · running, ends {end:%d %b %H:%M}" in text


async def test_expired_page_button_asks_to_send_upcoming_again(res: Resources) -> None:
    for data in ("up:x:7:", "up:1:99:", "up:1:7:zz", "up:1"):
        assert (await press(res, data)).text == "This button has expired — send /upcoming again."


async def test_upcoming_falls_back_to_utc_for_a_zone_missing_from_tzdata(
    res: Resources, fake_google: FakeGoogle
) -> None:
    start = soon(50).replace(hour=12, minute=0)
    await seed(res, "codeforces", [("1", "Round", start, 7200)])
    user_id = await connect_user(res, fake_google, platforms=("codeforces",))
    await uq.update_preferences(res.db.write, user_id, timezone="Mars/Olympus_Mons")
    text = (await say(res, "/upcoming")).text
    assert "12:00  Codeforces · Round" in text and "Times in UTC." in text


async def test_a_bot_remembers_settings_briefly_but_forgets_them_when_the_user_changes_them(
    res: Resources,
) -> None:
    await seed_one_per_platform(res)
    ctx, registry = context(res), build_registry()

    async def ask(text: str) -> Reply:
        name, *args = text.removeprefix("/").split()
        inv = Invocation(ChatPlatform.TELEGRAM, CHAT_USER, CHAT_USER, name, tuple(args))
        return await dispatch(ctx, registry, inv)

    assert len(labels_in((await ask("/upcoming")).text)) == len(PLATFORMS)
    user = await uq.get_user_by_identity(res.db.write, "telegram", CHAT_USER)
    assert user is not None
    # Changed behind this bot's back (another process): remembered settings still answer...
    await uq.update_preferences(res.db.write, user.id, platforms=["atcoder"])
    assert len(labels_in((await ask("/upcoming")).text)) == len(PLATFORMS)
    # ...until the user changes something through this bot, which drops what it remembered.
    await ask("/timezone Asia/Tokyo")
    text = (await ask("/upcoming")).text
    assert labels_in(text) == {"AtCoder"} and "Times in Asia/Tokyo." in text


async def test_a_bot_rereads_contests_after_a_few_seconds(res: Resources) -> None:
    from bot.core.types import Memory

    await seed(res, "codeforces", [("cf-1", "First Round", soon(20), 7200)])
    ctx, registry = context(res), build_registry()
    inv = Invocation(ChatPlatform.TELEGRAM, CHAT_USER, CHAT_USER, "upcoming", ("codeforces",))
    assert "First Round" in (await dispatch(ctx, registry, inv)).text
    await seed(res, "codeforces", [("cf-2", "Second Round", soon(21), 7200)])
    assert "Second Round" not in (await dispatch(ctx, registry, inv)).text  # within the TTL
    ctx.memory.contests.expire(time=ctx.memory.contests.timer() + Memory.CONTESTS_TTL + 1)
    assert "Second Round" in (await dispatch(ctx, registry, inv)).text

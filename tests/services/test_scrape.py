"""The scrape pipeline on real PostgreSQL and Valkey against the fake platforms."""

from __future__ import annotations

import json
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from backend.web.app import build_app
from shared.cache import keys as cache_keys
from shared.db import contests as q
from shared.platforms.registry import PLATFORMS, get_platform
from shared.resources import Resources
from shared.services.scrape import ScrapeStatus, scrape_platform
from tests.factories import NOW, codeforces_payload, days
from tests.fakes.platforms import FakePlatforms, Reply

CF = get_platform("codeforces")


async def contest_rows(res: Resources, platform: str = "codeforces") -> dict[str, dict[str, Any]]:
    rows = await res.db.write.fetch(
        "SELECT id, external_id, title, starts_at, ends_at, missing_runs, cancelled_at "
        "FROM contests WHERE platform = $1",
        platform,
    )
    return {r["external_id"]: dict(r) for r in rows}


async def test_scrape_of_every_platform_stores_the_expected_contests(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    expected = fake_platforms.expected["files"]
    for name in PLATFORMS:
        result = await scrape_platform(res, get_platform(name), now=NOW)
        assert result.status is ScrapeStatus.OK, result.error
        file = next(
            f
            for f, v in expected.items()
            if v["platform"] == name
            and fake_platforms.url_for(name).endswith(v["request"]["url"].split("/", 3)[3])
        )
        want = {c["id"]: c for c in expected[file]["contests"]}
        rows = await contest_rows(res, name)
        assert set(rows) == set(want)
        for ext_id, row in rows.items():
            assert row["title"] == want[ext_id]["title"]
            assert row["starts_at"].strftime("%Y-%m-%dT%H:%M:%SZ") == want[ext_id]["start"]
            assert row["ends_at"].strftime("%Y-%m-%dT%H:%M:%SZ") == want[ext_id]["end"]
        assert len(result.created) == len(want)
    health = {h.platform: h for h in await q.list_platform_health(res.db.write)}
    assert set(health) == set(PLATFORMS)
    assert all(h.ok for h in health.values())


async def test_reschedule_keeps_the_row_and_updates_its_times(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    start = NOW + days(3)
    fake_platforms.serve("codeforces", codeforces_payload((2300, "Round A", start, 7200)))
    first = await scrape_platform(res, CF, now=NOW)
    fake_platforms.serve("codeforces", codeforces_payload((2300, "Round A", start + days(1), 7200)))
    second = await scrape_platform(res, CF, now=NOW)

    rows = await contest_rows(res)
    assert list(rows) == ["2300"]
    assert rows["2300"]["starts_at"] == start + days(1)
    assert first.created == [rows["2300"]["id"]]
    assert second.created == [] and second.changed == [rows["2300"]["id"]]


async def test_unchanged_rescrape_reports_no_change(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    fake_platforms.serve("codeforces", codeforces_payload((2300, "Round A", NOW + days(3), 7200)))
    await scrape_platform(res, CF, now=NOW)
    again = await scrape_platform(res, CF, now=NOW + days(0.01))
    assert again.created == [] and again.changed == [] and again.cancelled == []


async def test_div1_and_div2_rounds_with_the_same_start_are_both_kept(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    start = NOW + days(2)
    fake_platforms.serve(
        "codeforces",
        codeforces_payload(
            (2296, "Round (Div. 1)", start, 9000), (2297, "Round (Div. 2)", start, 9000)
        ),
    )
    result = await scrape_platform(res, CF, now=NOW)
    rows = await contest_rows(res)
    assert set(rows) == {"2296", "2297"}
    assert len(result.created) == 2


async def test_missing_contest_is_kept_until_prune_after_misses_then_cancelled(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    a, b, c = (
        (2301, "A", NOW + days(5), 7200),
        (2302, "B", NOW + days(6), 7200),
        (2303, "C", NOW + days(7), 7200),
    )
    fake_platforms.serve("codeforces", codeforces_payload(a, b, c))
    await scrape_platform(res, CF, now=NOW)
    fake_platforms.serve("codeforces", codeforces_payload(a, b))
    assert res.settings.PRUNE_AFTER_MISSES == 3
    for miss in (1, 2):
        result = await scrape_platform(res, CF, now=NOW)
        rows = await contest_rows(res)
        assert rows["2303"]["missing_runs"] == miss
        assert rows["2303"]["cancelled_at"] is None
        assert result.cancelled == []
    result = await scrape_platform(res, CF, now=NOW)
    rows = await contest_rows(res)
    assert rows["2303"]["cancelled_at"] is not None
    assert result.cancelled == [rows["2303"]["id"]]
    upcoming = await q.list_upcoming(res.db.write, NOW, ["codeforces"])
    assert [x.external_id for x in upcoming] == ["2301", "2302"]


async def test_contest_listed_again_resets_its_misses(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    a, b, c = (
        (2301, "A", NOW + days(5), 7200),
        (2302, "B", NOW + days(6), 7200),
        (2303, "C", NOW + days(7), 7200),
    )
    fake_platforms.serve("codeforces", codeforces_payload(a, b, c))
    await scrape_platform(res, CF, now=NOW)
    fake_platforms.serve("codeforces", codeforces_payload(a, b))
    await scrape_platform(res, CF, now=NOW)
    await scrape_platform(res, CF, now=NOW)
    fake_platforms.serve("codeforces", codeforces_payload(a, b, c))
    await scrape_platform(res, CF, now=NOW)
    assert (await contest_rows(res))["2303"]["missing_runs"] == 0


async def test_failed_fetch_changes_no_contest_and_records_the_failure(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    fake_platforms.serve("codeforces", codeforces_payload((2301, "A", NOW + days(5), 7200)))
    await scrape_platform(res, CF, now=NOW)
    before = await contest_rows(res)
    fake_platforms.script("codeforces", *[Reply(status=503, body=b"down")] * 5)
    result = await scrape_platform(res, CF, now=NOW)
    assert result.status is ScrapeStatus.FAILED
    assert "503" in (result.error or "")
    assert await contest_rows(res) == before
    health = {h.platform: h for h in await q.list_platform_health(res.db.write)}
    assert health["codeforces"].consecutive_failures == 1
    assert health["codeforces"].last_error and "503" in health["codeforces"].last_error


async def test_api_failure_payload_changes_no_contest(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    fake_platforms.serve("codeforces", codeforces_payload((2301, "A", NOW + days(5), 7200)))
    await scrape_platform(res, CF, now=NOW)
    before = await contest_rows(res)
    fake_platforms.serve(
        "codeforces", json.dumps({"status": "FAILED", "comment": "Call limit exceeded"})
    )
    result = await scrape_platform(res, CF, now=NOW)
    assert result.status is ScrapeStatus.FAILED
    assert await contest_rows(res) == before


async def test_drop_from_three_upcoming_to_zero_is_a_failure_that_changes_nothing(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    fake_platforms.serve(
        "codeforces",
        codeforces_payload(*[(2300 + i, f"R{i}", NOW + days(i + 1), 7200) for i in range(3)]),
    )
    await scrape_platform(res, CF, now=NOW)
    before = await contest_rows(res)
    fake_platforms.serve("codeforces", json.dumps({"status": "OK", "result": []}))
    for _ in range(4):
        result = await scrape_platform(res, CF, now=NOW)
        assert result.status is ScrapeStatus.FAILED
        assert "no upcoming contests" in (result.error or "")
    assert await contest_rows(res) == before


async def test_a_list_of_only_running_contests_where_three_were_upcoming_trips_the_guard(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    upcoming = [(2300 + i, f"R{i}", NOW + days(i + 1), 7200) for i in range(3)]
    running = (2290, "Marathon", NOW - days(1), int(days(3).total_seconds()))
    fake_platforms.serve("codeforces", codeforces_payload(running, *upcoming))
    await scrape_platform(res, CF, now=NOW)
    before = await contest_rows(res)
    fake_platforms.serve("codeforces", codeforces_payload(running))
    result = await scrape_platform(res, CF, now=NOW)
    assert result.status is ScrapeStatus.FAILED
    assert "no upcoming contests" in (result.error or "")
    assert await contest_rows(res) == before  # no miss counted, nothing cancelled


async def test_drop_to_zero_from_fewer_than_three_is_a_normal_empty_result(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    fake_platforms.serve("codeforces", codeforces_payload((2301, "A", NOW + days(5), 7200)))
    await scrape_platform(res, CF, now=NOW)
    fake_platforms.serve("codeforces", json.dumps({"status": "OK", "result": []}))
    result = await scrape_platform(res, CF, now=NOW)
    assert result.status is ScrapeStatus.OK
    assert (await contest_rows(res))["2301"]["missing_runs"] == 1


async def test_contests_that_already_started_are_never_pruned(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    running = (2290, "Long running", NOW - days(1), int(days(5).total_seconds()))
    later = (2301, "Later", NOW + days(5), 7200)
    fake_platforms.serve("codeforces", codeforces_payload(running, later))
    await scrape_platform(res, CF, now=NOW)
    fake_platforms.serve("codeforces", codeforces_payload(later))
    for _ in range(5):
        await scrape_platform(res, CF, now=NOW)
    rows = await contest_rows(res)
    assert rows["2290"]["missing_runs"] == 0
    assert rows["2290"]["cancelled_at"] is None


async def test_scrape_drops_that_platforms_contest_cache(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    await res.valkey.set(cache_keys.contests("codeforces"), b"[]", ex=60)
    await res.valkey.set(cache_keys.contests("leetcode"), b"[]", ex=60)
    await scrape_platform(res, CF, now=NOW)
    assert await res.valkey.exists(cache_keys.contests("codeforces")) == 0
    assert await res.valkey.exists(cache_keys.contests("leetcode")) == 1


def _without(payload: str, index: int, key: str) -> str:
    data = json.loads(payload)
    del data["result"][index][key]
    return json.dumps(data)


async def test_skipped_entries_are_recorded_with_the_health_and_shown_on_the_page(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    payload = codeforces_payload(
        (2300, "Round A", NOW + days(1), 7200),
        (2301, "Round B", NOW + days(2), 7200),
        (2302, "Round C", NOW + days(3), 7200),
    )
    fake_platforms.serve("codeforces", _without(payload, 1, "startTimeSeconds"))

    result = await scrape_platform(res, CF, now=NOW)

    assert result.status is ScrapeStatus.OK
    assert set(await contest_rows(res)) == {"2300", "2302"}
    [health] = [h for h in await q.list_platform_health(res.db.write) if h.platform == CF.name]
    assert (health.entries_seen, health.entries_skipped) == (3, 1)
    assert health.skip_reasons == (("lack startTimeSeconds", 1),)
    async with TestClient(TestServer(build_app(res))) as client:
        page = await (await client.get("/")).text()
    assert "1 of 3 entries skipped (1 lack startTimeSeconds)" in page


async def test_every_entry_skipped_fails_the_scrape_naming_the_reason_and_keeps_contests(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    fake_platforms.serve("codeforces", codeforces_payload((2300, "Round A", NOW + days(1), 7200)))
    await scrape_platform(res, CF, now=NOW)
    payload = codeforces_payload(
        (2300, "Round A", NOW + days(1), 7200), (2301, "Round B", NOW + days(2), 7200)
    )
    fake_platforms.serve(
        "codeforces", _without(_without(payload, 0, "startTimeSeconds"), 1, "startTimeSeconds")
    )

    result = await scrape_platform(res, CF, now=NOW + days(0.01))

    assert result.status is ScrapeStatus.FAILED
    assert result.error == "2 of 2 entries lack startTimeSeconds"
    rows = await contest_rows(res)
    assert list(rows) == ["2300"] and rows["2300"]["missing_runs"] == 0
    [health] = [h for h in await q.list_platform_health(res.db.write) if h.platform == CF.name]
    assert health.last_error == "2 of 2 entries lack startTimeSeconds"
    assert (health.entries_seen, health.entries_skipped, health.consecutive_failures) == (2, 2, 1)
    async with TestClient(TestServer(build_app(res))) as client:
        page = await (await client.get("/")).text()
    assert "2 of 2 entries skipped (2 lack startTimeSeconds)" in page


async def test_a_clean_scrape_clears_the_skips_of_the_last_one(
    res: Resources, fake_platforms: FakePlatforms
) -> None:
    payload = codeforces_payload(
        (2300, "Round A", NOW + days(1), 7200), (2301, "Round B", NOW + days(2), 7200)
    )
    fake_platforms.serve("codeforces", _without(payload, 1, "name"))
    await scrape_platform(res, CF, now=NOW)
    fake_platforms.serve("codeforces", payload)
    await scrape_platform(res, CF, now=NOW)

    [health] = [h for h in await q.list_platform_health(res.db.write) if h.platform == CF.name]
    assert (health.entries_seen, health.entries_skipped, health.skip_reasons) == (2, 0, ())
    async with TestClient(TestServer(build_app(res))) as client:
        page = await (await client.get("/")).text()
    assert "entries skipped" not in page

"""The `contestsync` console script: parse, migrate and scrape."""

from __future__ import annotations

import json
import os
import secrets
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from backend.cli import main
from tests.conftest import fixtures_dir
from tests.factories import codeforces_payload
from tests.fakes.platforms import FakePlatforms

EXPECTED = json.loads((fixtures_dir() / "expected.json").read_text())


@pytest.mark.parametrize("name", sorted(EXPECTED["files"]))
def test_parse_prints_exactly_the_expected_contests(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case = EXPECTED["files"][name]
    code = main(["parse", case["platform"], str(fixtures_dir() / name), "--now", EXPECTED["now"]])
    out, err = capsys.readouterr()
    if case["expect"] == "error":
        assert code != 0 and err.strip() and not out
        return
    assert code == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines == case["contests"]
    assert all(
        list(line) == ["platform", "id", "title", "url", "start", "end", "duration"]
        for line in lines
    )


def test_parse_api_failure_prints_one_line_and_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "failed.json"
    bad.write_text('{"status":"FAILED","comment":"contestId: Contest with id 1 not found"}')
    code = main(["parse", "codeforces", str(bad), "--now", EXPECTED["now"]])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "codeforces" in err


def test_parse_list_whose_every_entry_is_skipped_exits_1_naming_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = tmp_path / "renamed.json"
    nodes = [
        {
            "title": f"Weekly Contest {n}",
            "titleSlug": f"weekly-contest-{n}",
            "begins": 1,
            "duration": 5400,
        }
        for n in (530, 531, 532)
    ]
    renamed.write_text(json.dumps({"data": {"allContests": nodes}}))
    code = main(["parse", "leetcode", str(renamed), "--now", EXPECTED["now"]])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == "contestsync parse: leetcode: 3 of 3 entries lack startTime\n"


def test_parse_reports_skipped_entries_on_stderr_and_prints_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.fromisoformat(EXPECTED["now"])
    start = now + timedelta(days=2)
    payload = json.loads(codeforces_payload((2300, "A", start, 7200), (2301, "B", start, 7200)))
    del payload["result"][1]["durationSeconds"]
    file = tmp_path / "cf.json"
    file.write_text(json.dumps(payload))
    code = main(["parse", "codeforces", str(file), "--now", EXPECTED["now"]])
    out, err = capsys.readouterr()
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["2300"]
    assert err == "contestsync parse: skipped 1 of 2 entries: 1 lack durationSeconds\n"


def test_parse_unreadable_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["parse", "atcoder", str(tmp_path / "missing.html")])
    _, err = capsys.readouterr()
    assert code == 1 and "cannot read" in err


def test_parse_unknown_platform_and_bad_now(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "topcoder", str(tmp_path)]) == 2
    assert "unknown platform" in capsys.readouterr().err
    file = fixtures_dir() / "leetcode" / "all_contests.json"
    assert main(["parse", "leetcode", str(file), "--now", "yesterday"]) == 2
    assert "--now" in capsys.readouterr().err


def _env(**extra: str) -> dict[str, str]:
    keep = {
        k: v for k, v in os.environ.items() if not k.startswith(("POSTGRES", "VALKEY", "TEST_"))
    }
    return {**keep, "ENCRYPTION_KEY": "22" * 32, "SESSION_SECRET": "11" * 32, **extra}


async def test_migrate_twice_is_a_no_op_the_second_time(
    postgres_server: str, tmp_path: Path
) -> None:
    name = f"contestsync_cli_migrate_{secrets.token_hex(4)}"  # runs may share a server
    admin = await asyncpg.connect(postgres_server)
    await admin.execute(f'CREATE DATABASE "{name}"')
    dsn = postgres_server.rsplit("/", 1)[0] + f"/{name}"
    if "?" in postgres_server:
        base, query = postgres_server.split("?", 1)
        dsn = base.rsplit("/", 1)[0] + f"/{name}?" + query
    try:
        cmd = [sys.executable, "-m", "backend.cli", "migrate"]
        env = _env(POSTGRES_DB=dsn, DATA_DIR=str(tmp_path))
        first = await _run_async(cmd, env, tmp_path)
        second = await _run_async(cmd, env, tmp_path)
        assert first[0] == 0, first[2]
        assert first[1].startswith("applied ") and "migration" in first[1]
        assert second[0] == 0 and second[1].strip() == "database is up to date"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_scrape_command_fills_the_database_and_prints_a_table(
    clean_db: str, clean_valkey: str, fake_platforms: FakePlatforms, tmp_path: Path
) -> None:
    # The shared fixtures are dated around 2026-11-29; a payload relative to the real clock keeps
    # this test meaningful on any date.
    soon = datetime.now(UTC) + timedelta(days=2)
    fake_platforms.serve("codeforces", codeforces_payload((4242, "Future Round", soon, 7200)))
    env = _env(
        POSTGRES_DB=clean_db,
        VALKEY_URI=clean_valkey,
        DATA_DIR=str(tmp_path),
        **fake_platforms.settings_overrides(),
    )
    proc = await _run_async([sys.executable, "-m", "backend.cli", "scrape"], env, tmp_path)
    assert proc[0] == 0, proc[2]
    table = proc[1].splitlines()
    assert table[0].split() == [
        "platform",
        "status",
        "listed",
        "new",
        "changed",
        "cancelled",
        "duration",
    ]
    rows = {line.split()[0]: line.split() for line in table[1:]}
    assert set(rows) == {
        "leetcode",
        "codeforces",
        "codechef",
        "atcoder",
        "hackerrank",
        "geeksforgeeks",
        "code360",
    }
    assert all(r[1] == "ok" for r in rows.values())
    conn = await asyncpg.connect(clean_db)
    try:
        title = await conn.fetchval(
            "SELECT title FROM contests WHERE platform = 'codeforces' AND external_id = '4242'"
        )
    finally:
        await conn.close()
    assert title == "Future Round"
    assert rows["codeforces"][2:4] == ["1", "1"]


async def test_scrape_command_exits_non_zero_when_a_platform_fails(
    clean_db: str, clean_valkey: str, fake_platforms: FakePlatforms, tmp_path: Path
) -> None:
    fake_platforms.serve("codechef", b"<html>blocked</html>", "text/html")
    env = _env(
        POSTGRES_DB=clean_db,
        VALKEY_URI=clean_valkey,
        DATA_DIR=str(tmp_path),
        **fake_platforms.settings_overrides(),
    )
    code, out, err = await _run_async(
        [sys.executable, "-m", "backend.cli", "scrape", "--platform", "codechef"], env, tmp_path
    )
    assert code == 1
    assert "failed" in out and "codechef" in err


async def test_scrape_command_asks_every_platform_at_once(
    clean_db: str, clean_valkey: str, fake_platforms: FakePlatforms, tmp_path: Path
) -> None:
    for reply in fake_platforms.payloads.values():
        reply.delay = 1.5  # each platform takes 1.5 s to answer
    env = _env(
        POSTGRES_DB=clean_db,
        VALKEY_URI=clean_valkey,
        DATA_DIR=str(tmp_path),
        **fake_platforms.settings_overrides(),
    )
    code, _, err = await _run_async([sys.executable, "-m", "backend.cli", "scrape"], env, tmp_path)
    assert code == 0, err
    firsts: dict[str, float] = {}
    for call in fake_platforms.calls:
        firsts.setdefault(call.platform, call.at)
    assert len(firsts) == 7
    # Every platform was asked before the first answer could have arrived.
    assert max(firsts.values()) - min(firsts.values()) < 1.5


async def _run_async(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str, str]:
    import asyncio

    proc = await asyncio.create_subprocess_exec(
        *cmd, env=env, cwd=cwd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    return proc.returncode or 0, out.decode(), err.decode()

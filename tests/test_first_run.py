"""A first run that explains itself: one-line start-up failures, a clean Ctrl-C, an access log
without secrets, malformed requests without tracebacks, a worker health answer that counts failed
scrapes, and sub-commands that describe themselves."""

from __future__ import annotations

import asyncio
import signal
import socket
from pathlib import Path

import aiohttp
import pytest

from backend.cli import build_parser, main
from shared.config import Settings
from shared.embedded import free_port
from tests.factories import process_env
from tests.fakes.platforms import FakePlatforms
from tests.process import Contestsync, answers, contestsync, until

SUBCOMMANDS = (
    "run",
    "web",
    "worker",
    "telegram",
    "migrate",
    "keys",
    "rotate-keys",
    "scrape",
    "parse",
)


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(url) as resp:
        return resp.status, await resp.text()


async def _started(proc: Contestsync, url: str) -> None:
    async def up() -> bool:
        assert proc.running, proc.output()
        return await answers(url)

    await until(up, url, 30)


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_sub_command_describes_itself(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    usage = capsys.readouterr().out
    description = usage.split("\n\n")[1].strip()
    assert len(description) > 20 and not description.startswith(("usage", "positional", "options"))


def test_keys_prints_two_fresh_64_hex_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys"]) == 0
    first = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    assert main(["keys"]) == 0
    second = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    assert set(first) == {"SESSION_SECRET", "ENCRYPTION_KEY"}
    for name, value in first.items():
        assert len(value) == 64 and int(value, 16) >= 0
        assert second[name] != value


async def test_a_taken_port_is_one_line_and_exit_1(settings: Settings, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = process_env(settings, tmp_path, PORT=str(port), HOST="127.0.0.1")
        async with contestsync(env, "web", log=tmp_path / "web.log") as proc:
            code = await proc.wait(60)
    lines = [line for line in proc.output().splitlines() if line.startswith("contestsync")]
    assert code == 1
    assert lines == [
        f"contestsync: web port 127.0.0.1:{port} is already in use; set PORT to another port"
    ]
    assert "Traceback" not in proc.output()


async def test_a_stopped_web_backend_says_why_and_logs_requests_without_secrets(
    settings: Settings, tmp_path: Path
) -> None:
    port = free_port()
    env = process_env(settings, tmp_path, PORT=str(port), HOST="127.0.0.1")
    env.pop("PUBLIC_BASE_URL", None)
    base = f"http://127.0.0.1:{port}"
    async with contestsync(env, "web", log=tmp_path / "web.log") as proc:
        await _started(proc, f"{base}/healthz")
        await _get(f"{base}/api/contests?platform=codeforces&secret=hunter2")
        await _get(f"{base}/connect/Zm9yd2FyZGVkLXRva2VuLXNlY3JldA")
        # A 20 kB URL: answered 400 by the server's parser, no traceback in the log.
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        await writer.drain()
        status_line = (await reader.readline()).decode()
        writer.close()
        code, _ = await proc.stop(signal.SIGINT)
    out = proc.output()
    assert code == 0, out
    assert " 400 " in status_line
    assert f"running at http://localhost:{port}" in out  # the URL names the real port
    assert "GET /api/contests 200" in out
    assert "GET /connect/{token} " in out
    assert "hunter2" not in out and "Zm9yd2FyZGVkLXRva2VuLXNlY3JldA" not in out
    assert "answered 400 to a malformed request" in out
    assert "Traceback" not in out
    assert "Ctrl-C received: stopping" in out and "web backend stopped" in out
    assert "SIGUSR1" not in out


async def test_worker_health_counts_failed_scrapes_and_stops_cleanly(
    settings: Settings, tmp_path: Path, fake_platforms: FakePlatforms
) -> None:
    for name in ("codeforces", "leetcode"):
        fake_platforms.serve(name, b"<html>down</html>", "text/html", status=503)
    worker_port = free_port()
    # One scrape round, the start-up one: with the default 30 minutes, a test running across
    # :00 or :30 saw the next round's five good scrapes counted before the failing ones ended
    # (their retries take about 6 s), and "ok". Daily, the next round is at midnight UTC.
    env = process_env(
        settings, tmp_path, WORKER_PORT=str(worker_port), SCRAPE_INTERVAL_MINUTES="1440"
    )
    url = f"http://127.0.0.1:{worker_port}/healthz"
    async with contestsync(env, "worker", log=tmp_path / "worker.log") as proc:
        await _started(proc, url)
        health: dict[str, object] = {}

        async def scraped() -> bool:
            nonlocal health
            async with aiohttp.ClientSession() as http, http.get(url) as resp:
                health = await resp.json()
            scrapes = health["scrapes"]
            assert isinstance(scrapes, dict)
            return bool(scrapes["ok"] >= 5 and scrapes["failed"] >= 2)

        await until(scraped, "the start-up scrapes", 60)
        code, _ = await proc.stop(signal.SIGTERM)
    out = proc.output()
    assert health["status"] == "degraded", (health, out)
    assert health["failing_platforms"] == ["codeforces", "leetcode"]
    assert health["scrapes"] == {"ok": 5, "failed": 2}
    assert isinstance(health["jobs_failed"], int) and health["jobs_failed"] >= 2
    assert code == 0, out
    assert "SIGTERM received: stopping" in out and "worker stopped" in out
    assert "Traceback" not in out and "SIGUSR1" not in out and "AttributeError" not in out

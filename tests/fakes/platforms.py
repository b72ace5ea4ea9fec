"""A fake of the seven contest platforms: serves shared fixtures, records calls, injects faults."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

from tests.fakes.server import LocalServer

SETTING = {
    "leetcode": "LEETCODE_URL",
    "codeforces": "CODEFORCES_URL",
    "codechef": "CODECHEF_URL",
    "atcoder": "ATCODER_URL",
    "hackerrank": "HACKERRANK_URL",
    "geeksforgeeks": "GEEKSFORGEEKS_URL",
    "code360": "CODE360_URL",
}
# The file each platform's configured endpoint serves by default.
DEFAULT_FILE = {
    "leetcode": "leetcode/all_contests.json",
    "codeforces": "codeforces/contest_list.json",
    "codechef": "codechef/contests_all.json",
    "atcoder": "atcoder/contests.html",
    "hackerrank": "hackerrank/upcoming.json",
    "geeksforgeeks": "geeksforgeeks/events_contest.json",
    "code360": "code360/contest_list.json",
}


@dataclass
class Reply:
    """One scripted answer."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Call:
    """A request the fake received."""

    platform: str
    method: str
    path_qs: str
    headers: dict[str, str]
    body: bytes
    at: float = 0.0  # time.monotonic() on arrival


class FakePlatforms(LocalServer):
    """Serves `/<platform><real path>?<real query>` for each platform, like the real endpoints."""

    def __init__(self, fixtures: Path) -> None:
        self.fixtures = fixtures
        self.expected = json.loads((fixtures / "expected.json").read_text())
        self.calls: list[Call] = []
        self.payloads: dict[str, Reply] = {}
        self.scripts: dict[str, list[Reply]] = {}
        for platform, name in DEFAULT_FILE.items():
            self.serve_file(platform, name)
        self.app = web.Application()
        self.app.router.add_route("*", "/{platform}/{tail:.*}", self._handle)

    def url_for(self, platform: str) -> str:
        """The endpoint a platform's setting points at (same path and query as the real one)."""
        real = self.expected["files"][DEFAULT_FILE[platform]]["request"]["url"]
        parts = urlsplit(real)
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.base_url}/{platform}{parts.path}{query}"

    def settings_overrides(self) -> dict[str, str]:
        """Every platform URL setting pointed at this fake."""
        return {SETTING[p]: self.url_for(p) for p in SETTING}

    def serve_file(self, platform: str, name: str) -> None:
        """Serve a fixture file (with its recorded status and content type) as the normal answer."""
        info = self.expected["files"][name]["request"]
        self.payloads[platform] = Reply(
            status=info.get("response_status", 200),
            body=(self.fixtures / name).read_bytes(),
            content_type=info.get("response_content_type", "application/json").split(";")[0],
        )

    def serve(
        self,
        platform: str,
        body: bytes | str,
        content_type: str = "application/json",
        *,
        status: int = 200,
    ) -> None:
        """Serve an arbitrary body (with this status) as the normal answer."""
        data = body.encode() if isinstance(body, str) else body
        self.payloads[platform] = Reply(status=status, body=data, content_type=content_type)

    def script(self, platform: str, *replies: Reply) -> None:
        """Answer the next requests with these replies, in order, before the normal answer."""
        self.scripts.setdefault(platform, []).extend(replies)

    def calls_for(self, platform: str) -> list[Call]:
        """Requests received for one platform."""
        return [c for c in self.calls if c.platform == platform]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        platform = request.match_info["platform"]
        body = await request.read()
        self.calls.append(
            Call(
                platform,
                request.method,
                request.path_qs.removeprefix(f"/{platform}"),
                dict(request.headers),
                body,
                time.monotonic(),
            )
        )
        queue = self.scripts.get(platform)
        reply = queue.pop(0) if queue else self.payloads.get(platform)
        if reply is None:
            return web.Response(status=404, text="not found")
        if reply.delay:
            await asyncio.sleep(reply.delay)
        return web.Response(
            status=reply.status,
            body=reply.body,
            content_type=reply.content_type,
            headers=reply.headers,
        )

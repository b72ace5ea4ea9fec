"""A fake of the Go service's Telegram relay: POST JSON {group_id, topic_id, text} with a bearer.

It answers like a small HTTP service would: 401 without the right bearer token, 400 for a body
that is not the expected JSON, 200 otherwise; `down` makes it answer 502 (a relay whose upstream
is away). Every request is recorded, refused ones too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.server import LocalServer


@dataclass
class RelayCall:
    """One request the relay received."""

    authorization: str | None
    body: Any
    status: int


class FakeRelay(LocalServer):
    """The relay on 127.0.0.1; `delivered` holds the bodies it accepted."""

    def __init__(self, secret: str = "relay-secret") -> None:
        self.secret = secret
        self.calls: list[RelayCall] = []
        self.down = False
        self.app = web.Application()
        self.app.router.add_post("/send", self._send)

    @property
    def url(self) -> str:
        """The endpoint to put in TELEGRAM_PROXY_URL."""
        return f"{self.base_url}/send"

    @property
    def delivered(self) -> list[dict[str, Any]]:
        """Bodies accepted (200)."""
        return [c.body for c in self.calls if c.status == 200]

    async def _send(self, request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization")
        raw = await request.read()
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw.decode(errors="replace")
        status = 200
        if auth != f"Bearer {self.secret}":
            status = 401
        elif self.down:
            status = 502
        elif not (
            isinstance(body, dict)
            and isinstance(body.get("group_id"), int)
            and isinstance(body.get("text"), str)
            and body["text"]
            and (body.get("topic_id") is None or isinstance(body.get("topic_id"), int))
        ):
            status = 400
        self.calls.append(RelayCall(auth, body, status))
        return web.json_response({"ok": status == 200}, status=status)

"""Factories for payloads and rows used across tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def codeforces_payload(*contests: tuple[int, str, datetime, int]) -> str:
    """A Codeforces contest.list answer with (id, name, start, duration seconds) entries."""
    result = [
        {
            "id": cid,
            "name": name,
            "type": "CF",
            "phase": "BEFORE",
            "frozen": False,
            "durationSeconds": duration,
            "startTimeSeconds": int(start.timestamp()),
        }
        for cid, name, start, duration in contests
    ]
    return json.dumps({"status": "OK", "result": result})


def days(n: float) -> timedelta:
    """n days."""
    return timedelta(days=n)

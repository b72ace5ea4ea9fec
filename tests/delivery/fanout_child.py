"""A worker's fan-out in a process of its own, for the test that SIGKILLs one mid-way.

    python -m tests.delivery.fanout_child <ISO time>

Runs the delivery engine once at that (injected) time with the process's own Telegram sender,
on the settings in its environment, and exits.
"""

from __future__ import annotations

import asyncio
import sys
from contextlib import AsyncExitStack
from datetime import datetime

from shared.config import load_settings
from shared.db.pools import open_database
from shared.delivery.engine import run_deliveries
from shared.messaging.posts import TelegramPoster
from shared.messaging.telegram import open_telegram_sender


async def main(now: datetime) -> None:
    settings = load_settings()
    async with AsyncExitStack() as stack:
        db = await open_database(settings)
        stack.push_async_callback(db.close)
        sender = await open_telegram_sender(settings, db, stack)
        assert sender is not None
        result = await run_deliveries(db, {"telegram": TelegramPoster(sender)}, now)
        print("sent", result.sent, flush=True)


if __name__ == "__main__":
    asyncio.run(main(datetime.fromisoformat(sys.argv[1])))

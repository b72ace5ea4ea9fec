"""arq job bodies: small orchestration over `shared`."""

from __future__ import annotations

import logging
from typing import Any

from shared.jobs import enqueue_scrape
from shared.platforms.registry import PLATFORMS, get_platform
from shared.resources import Resources
from shared.services.scrape import scrape_platform as run_scrape

log = logging.getLogger(__name__)


def resources(ctx: dict[str, Any]) -> Resources:
    """The process's resources, placed in the arq context by the composition root."""
    res = ctx["res"]
    assert isinstance(res, Resources)
    return res


async def schedule_scrapes(ctx: dict[str, Any]) -> int:
    """Cron fan-out: queue one scrape per platform; returns how many were queued."""
    res = resources(ctx)
    queued = 0
    for name in PLATFORMS:
        if await enqueue_scrape(res.arq, name) is not None:
            queued += 1
    log.info("queued %d platform scrapes", queued)
    return queued


async def scrape_platform(ctx: dict[str, Any], platform: str) -> dict[str, object]:
    """Scrape one platform and report created, changed and cancelled contest ids."""
    result = await run_scrape(resources(ctx), get_platform(platform))
    return result.to_json()

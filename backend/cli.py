"""The `contestsync` console script: one composition root per sub-command."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
import sys
from collections.abc import Sequence
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg
import uvloop
from aiohttp import web

from shared.config import Settings, load_settings, with_dev_keys
from shared.db.migrate import migrate
from shared.errors import ConfigError, ParseError
from shared.logs import setup_logging
from shared.models import ChatPlatform, format_utc, parse_utc
from shared.platforms.registry import PLATFORMS, get_platform
from shared.resources import Resources, open_resources, with_embedded_services

if TYPE_CHECKING:
    from bot.discord.app import DiscordBot
    from bot.telegram.app import TelegramBot

log = logging.getLogger("contestsync")

SHUTDOWN_GRACE = 8.0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse arguments, run the sub-command, turn config errors into one line."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "parse":
        return cmd_parse(args.platform, Path(args.file), args.now)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"contestsync: configuration error: {exc}", file=sys.stderr)
        return 2
    setup_logging(settings.LOG_LEVEL, json_lines=settings.is_production)
    commands = {
        "run": lambda: run_all(settings),
        "web": lambda: run_web(settings),
        "worker": lambda: run_worker(settings),
        "telegram": lambda: run_telegram(settings),
        "discord": lambda: run_discord(settings),
        "migrate": lambda: run_migrate(settings),
        "scrape": lambda: run_scrape(settings, args.platform),
    }
    try:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(commands[args.command]())
    except ConfigError as exc:
        print(f"contestsync: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="contestsync", description="Keep programming contests in your calendar."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("run", help="run everything in one process (zero-config default)")
    sub.add_parser("web", help="run the web backend")
    sub.add_parser("worker", help="run the arq worker")
    sub.add_parser(
        "telegram", help="run the Telegram bot (long polling, or webhook served on PORT)"
    )
    sub.add_parser("discord", help="run the Discord bot (gateway connection)")
    sub.add_parser("migrate", help="apply pending database migrations")
    scrape = sub.add_parser("scrape", help="scrape platforms once, in the foreground")
    scrape.add_argument("--platform", choices=sorted(PLATFORMS), help="only this platform")
    parse = sub.add_parser("parse", help="parse a saved platform response and print JSON lines")
    parse.add_argument("platform", help=f"one of: {', '.join(PLATFORMS)}")
    parse.add_argument("file", help="the saved response body")
    parse.add_argument("--now", help="the clock, ISO-8601 with a zone (default: the real time)")
    return parser


# ---- parse -------------------------------------------------------------------------------------


def cmd_parse(platform_name: str, file: Path, now_text: str | None) -> int:
    """Print the contests of a saved payload as JSON lines, ordered by start then id."""
    try:
        platform = get_platform(platform_name)
    except KeyError as exc:
        print(f"contestsync parse: {exc.args[0]}", file=sys.stderr)
        return 2
    try:
        now = parse_utc(now_text) if now_text else datetime.now(UTC)
    except ValueError:
        print(
            f"contestsync parse: --now must be ISO-8601 with a zone, got {now_text!r}",
            file=sys.stderr,
        )
        return 2
    try:
        payload = file.read_bytes()
    except OSError as exc:
        print(f"contestsync parse: cannot read {file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        contests = platform.parse(payload, now)
    except ParseError as exc:
        print(f"contestsync parse: {exc}", file=sys.stderr)
        return 1
    for c in sorted(contests, key=lambda c: (c.start, c.id)):
        line = {
            "platform": c.platform,
            "id": c.id,
            "title": c.title,
            "url": c.url,
            "start": format_utc(c.start),
            "end": format_utc(c.end),
            "duration": c.duration,
        }
        print(json.dumps(line, ensure_ascii=False))
    return 0


# ---- shared start-up ---------------------------------------------------------------------------


async def prepare(settings: Settings, stack: AsyncExitStack) -> Resources:
    """Dev keys, embedded services when unconfigured, migrations, then pools and clients."""
    settings = with_dev_keys(settings)
    settings = await with_embedded_services(settings, stack)
    await apply_migrations(settings)
    return await open_resources(settings, stack)


async def apply_migrations(settings: Settings) -> int:
    """Apply pending migrations on the primary; returns how many ran."""
    assert settings.POSTGRES_DB is not None
    try:
        conn = await asyncpg.connect(settings.POSTGRES_DB.get_secret_value(), timeout=10)
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        raise ConfigError(
            f"cannot connect to PostgreSQL (POSTGRES_DB): {exc.__class__.__name__}"
        ) from None
    try:
        done = await migrate(conn)
    finally:
        await conn.close()
    return len(done)


def stop_event() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM."""
    event = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, event.set)
    return event


async def start_site(app: web.Application, host: str, port: int, stack: AsyncExitStack) -> None:
    """Serve an aiohttp app with header limits and keep-alive timeouts; stopped by `stack`."""
    runner = web.AppRunner(
        app,
        handle_signals=False,
        access_log=None,  # request paths can carry one-time tokens
        keepalive_timeout=15,
        max_line_size=8190,
        max_field_size=8190,
        shutdown_timeout=5,
    )
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    site = web.TCPSite(runner, host, port, backlog=256)
    await site.start()


# ---- long-running commands ---------------------------------------------------------------------


async def run_all(settings: Settings) -> int:
    """Web app and worker in one process, on embedded services unless configured otherwise."""
    from backend.web.app import build_app
    from backend.worker.settings import build_health_app, build_worker

    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        telegram = await _start_telegram(res, stack)
        webhook = telegram.webhook_route if telegram is not None else None
        await start_site(
            build_app(res, telegram_webhook=webhook), res.settings.HOST, res.settings.PORT, stack
        )
        if telegram is not None:
            await telegram.connect_webhook()
        discord_bot = await _start_discord(res, stack)
        worker = build_worker(res, handle_signals=False)
        await start_site(
            build_health_app(worker), res.settings.HOST, res.settings.WORKER_PORT, stack
        )
        worker_task = asyncio.create_task(worker.main())
        parts = ["web", "worker"] + (["telegram"] if telegram is not None else [])
        parts += ["discord"] if discord_bot is not None else []
        embedded = [
            name
            for name, value in (
                ("PostgreSQL", settings.POSTGRES_DB),
                ("Valkey", settings.VALKEY_URI),
            )
            if value is None
        ]
        where = (
            f"embedded {' and '.join(embedded)} in {res.settings.DATA_DIR}"
            if embedded
            else "configured services"
        )
        log.info(
            "ContestSync is running at %s (%s; %s). Press Ctrl-C to stop.",
            res.settings.PUBLIC_BASE_URL,
            ", ".join(parts),
            where,
        )
        await _wait(stop, worker_task)
        await _stop_worker(worker, worker_task)
    log.info("ContestSync stopped")
    return 0


async def run_web(settings: Settings) -> int:
    """The web backend alone."""
    from backend.web.app import build_app

    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        await _telegram_notices(res, stack)
        await _discord_notices(res, stack)
        await start_site(build_app(res), res.settings.HOST, res.settings.PORT, stack)
        log.info("web backend listening on %s:%d", res.settings.HOST, res.settings.PORT)
        await stop.wait()
    return 0


async def run_worker(settings: Settings) -> int:
    """The arq worker alone, with its health server on WORKER_PORT."""
    from backend.worker.settings import build_health_app, build_worker

    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        await _telegram_notices(res, stack)
        await _discord_notices(res, stack)
        worker = build_worker(res, handle_signals=False)
        await start_site(
            build_health_app(worker), res.settings.HOST, res.settings.WORKER_PORT, stack
        )
        worker_task = asyncio.create_task(worker.main())
        log.info("worker running; health on port %d", res.settings.WORKER_PORT)
        await _wait(stop, worker_task)
        await _stop_worker(worker, worker_task)
    return 0


async def run_telegram(settings: Settings) -> int:
    """The Telegram bot alone: long polling, or (TELEGRAM_WEBHOOK_URL) its webhook on PORT."""
    from backend.web.app import build_app
    from bot.telegram.app import start_telegram_bot

    if settings.TELEGRAM_BOT_TOKEN is None:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        bot = await start_telegram_bot(res, stack)
        route = bot.webhook_route
        if route is not None:
            await start_site(
                build_app(res, telegram_webhook=route), res.settings.HOST, res.settings.PORT, stack
            )
            await bot.connect_webhook()
        await stop.wait()
    log.info("Telegram bot stopped")
    return 0


async def run_discord(settings: Settings) -> int:
    """The Discord bot alone: one gateway connection (auto-sharded with DISCORD_SHARD_COUNT)."""
    from bot.discord.app import start_discord_bot

    if settings.DISCORD_BOT_TOKEN is None:
        raise ConfigError("DISCORD_BOT_TOKEN is not set")
    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        await start_discord_bot(res, stack)
        await stop.wait()
    log.info("Discord bot stopped")
    return 0


async def _start_discord(res: Resources, stack: AsyncExitStack) -> DiscordBot | None:
    """The Discord bot when DISCORD_BOT_TOKEN is set; one log line saying so otherwise."""
    if res.settings.DISCORD_BOT_TOKEN is None:
        log.info("Discord bot disabled: DISCORD_BOT_TOKEN is not set")
        return None
    from bot.discord.app import start_discord_bot

    return await start_discord_bot(res, stack)


async def _start_telegram(res: Resources, stack: AsyncExitStack) -> TelegramBot | None:
    """The Telegram bot when TELEGRAM_BOT_TOKEN is set; one log line saying so otherwise."""
    if res.settings.TELEGRAM_BOT_TOKEN is None:
        log.info("Telegram bot disabled: TELEGRAM_BOT_TOKEN is not set")
        return None
    from bot.telegram.app import start_telegram_bot

    return await start_telegram_bot(res, stack)


async def _telegram_notices(res: Resources, stack: AsyncExitStack) -> None:
    """Deliver the notices this process records to Telegram users, when a token is set."""
    if res.settings.TELEGRAM_BOT_TOKEN is None:
        return
    from shared.messaging.telegram import open_telegram_sender

    sender = await open_telegram_sender(res.settings, res.db, stack)
    if sender is not None:
        res.messenger.senders[ChatPlatform.TELEGRAM] = sender


async def _discord_notices(res: Resources, stack: AsyncExitStack) -> None:
    """Deliver the notices this process records to Discord users, when a token is set."""
    if res.settings.DISCORD_BOT_TOKEN is None:
        return
    from shared.messaging.discord import open_discord_sender

    sender = await open_discord_sender(res.settings, stack)
    if sender is not None:
        res.messenger.senders[ChatPlatform.DISCORD] = sender


async def _wait(stop: asyncio.Event, worker_task: asyncio.Task[None]) -> None:
    stopper = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait({stopper, worker_task}, return_when=asyncio.FIRST_COMPLETED)
    stopper.cancel()
    if worker_task in done and not worker_task.cancelled() and worker_task.exception():
        log.error("worker stopped unexpectedly", exc_info=worker_task.exception())


async def _stop_worker(worker: object, worker_task: asyncio.Task[None]) -> None:
    from arq.worker import Worker

    assert isinstance(worker, Worker)
    try:
        await asyncio.wait_for(worker.close(), timeout=SHUTDOWN_GRACE)
    except (TimeoutError, asyncio.CancelledError):
        log.warning("worker did not stop within %.0f s; cancelling", SHUTDOWN_GRACE)
    worker_task.cancel()
    try:
        await worker_task
    except (asyncio.CancelledError, Exception) as exc:  # boundary: shutting down regardless
        if not isinstance(exc, asyncio.CancelledError):
            log.warning("worker ended with %s during shutdown", exc.__class__.__name__)


# ---- one-shot commands -------------------------------------------------------------------------


async def run_migrate(settings: Settings) -> int:
    """Apply pending migrations and say how many ran."""
    async with AsyncExitStack() as stack:
        settings = (
            await with_embedded_services(settings, stack)
            if settings.POSTGRES_DB is None
            else settings
        )
        count = await apply_migrations(settings)
    print(f"applied {count} migration(s)" if count else "database is up to date")
    return 0


async def run_scrape(settings: Settings, only: str | None) -> int:
    """Scrape all (or one) platforms once and print a table; non-zero if any failed."""
    from shared.services.scrape import ScrapeStatus, scrape_platform

    names = [only] if only else list(PLATFORMS)
    rows = []
    async with AsyncExitStack() as stack:
        res = await prepare(settings, stack)
        for name in names:
            result = await scrape_platform(res, get_platform(name))
            rows.append(result)
    header = (
        f"{'platform':<14}{'status':<8}{'listed':>7}{'new':>6}{'changed':>9}"
        f"{'cancelled':>11}{'duration':>10}"
    )
    print(header)
    for r in rows:
        print(
            f"{r.platform:<14}{r.status.value:<8}{r.listed:>7}{len(r.created):>6}{len(r.changed):>9}"
            f"{len(r.cancelled):>11}{r.duration_ms / 1000:>9.1f}s"
        )
    failed = [r for r in rows if r.status is ScrapeStatus.FAILED]
    for r in failed:
        print(f"{r.platform}: {r.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

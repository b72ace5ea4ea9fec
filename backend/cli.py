"""The `contestsync` console script: one composition root per sub-command."""

from __future__ import annotations

import argparse
import asyncio
import errno
import json
import logging
import secrets
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg
import uvloop
from aiohttp import web

from backend.web.access import ACCESS_LOGGER, AccessLogger, quiet_malformed_requests
from shared.aio import report_pending
from shared.config import Settings, load_settings, with_dev_keys
from shared.db.migrate import migrate
from shared.errors import ConfigError, ParseError, StartupError
from shared.logs import setup_logging
from shared.models import ChatPlatform, format_utc, parse_utc
from shared.platforms.registry import PLATFORMS, get_platform
from shared.resources import Resources, open_resources, settle_heap, with_embedded_services

if TYPE_CHECKING:
    from backend.worker.supervise import WorkerSupervisor
    from bot.discord.app import DiscordBot
    from bot.telegram.app import TelegramBot

log = logging.getLogger("contestsync")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse arguments, run the sub-command, turn config errors into one line."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "parse":
        return cmd_parse(args.platform, Path(args.file), args.now)
    if args.command == "keys":
        return cmd_keys()
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
        "rotate-keys": lambda: run_rotate_keys(settings),
    }
    try:
        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(commands[args.command]())
    except ConfigError as exc:
        print(f"contestsync: {exc}", file=sys.stderr)
        return 2
    except StartupError as exc:
        print(f"contestsync: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # boundary: one readable line; the traceback only at DEBUG
        log.debug("%s failed", args.command, exc_info=True)
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        print(
            f"contestsync {args.command}: failed: {exc.__class__.__name__}"
            + (f": {detail}" if detail else "")
            + " (LOG_LEVEL=DEBUG shows the traceback)",
            file=sys.stderr,
        )
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="contestsync", description="Keep programming contests in your calendar."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")

    command(
        "run",
        "run everything in one process: web, worker and the Telegram bot when its token is set "
        "(embedded PostgreSQL and Valkey unless configured)",
    )
    command("web", "run the web backend: pages, JSON API, Google OAuth, health on PORT")
    command(
        "worker",
        "run the arq worker: scrapes every SCRAPE_INTERVAL_MINUTES, calendar syncs, "
        "health on WORKER_PORT",
    )
    command("telegram", "run the Telegram bot alone (long polling, or its webhook on PORT)")
    command("discord", "run the Discord bot alone (its gateway connection)")
    command("migrate", "apply pending database migrations and exit")
    command("keys", "print new random SESSION_SECRET and ENCRYPTION_KEY lines for a .env file")
    command(
        "rotate-keys",
        "re-encrypt every stored Google grant under ENCRYPTION_KEY, so that the keys in "
        "ENCRYPTION_OLD_KEYS can be retired",
    )
    scrape = command("scrape", "scrape the platforms once, concurrently, and print a table")
    scrape.add_argument("--platform", choices=sorted(PLATFORMS), help="only this platform")
    parse = command("parse", "parse a saved platform response and print its contests as JSON lines")
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
        parsed = platform.read(payload, now)
    except ParseError as exc:
        # Includes "every entry skipped" ("23 of 23 entries lack startTime"): never exit 0 then.
        print(f"contestsync parse: {exc}", file=sys.stderr)
        return 1
    if parsed.skipped:
        reasons = "; ".join(f"{n} {reason}" for reason, n in sorted(parsed.skipped.items()))
        print(
            f"contestsync parse: skipped {parsed.skipped_count} of {parsed.entries} entries: "
            f"{reasons}",
            file=sys.stderr,
        )
    for c in sorted(parsed.contests, key=lambda c: (c.starts_at, c.external_id)):
        line = {
            "platform": c.platform,
            "id": c.external_id,
            "title": c.title,
            "url": c.url,
            "start": format_utc(c.starts_at),
            "end": format_utc(c.ends_at),
            "duration": c.duration,
        }
        print(json.dumps(line, ensure_ascii=False))
    return 0


def cmd_keys() -> int:
    """Print two fresh 32-byte keys in .env syntax."""
    print(f"SESSION_SECRET={secrets.token_hex(32)}")
    print(f"ENCRYPTION_KEY={secrets.token_hex(32)}")
    return 0


# ---- shared start-up ---------------------------------------------------------------------------


async def prepare(
    settings: Settings, stack: AsyncExitStack, *, check_keys: bool = True
) -> Resources:
    """Dev keys, embedded services when unconfigured, migrations, then pools and clients; and a
    refusal to run when ENCRYPTION_KEY opens none of the stored grants."""
    from shared.services.grants import check_encryption_key

    settings = with_dev_keys(settings)
    settings = await with_embedded_services(settings, stack)
    await apply_migrations(settings)
    res = await open_resources(settings, stack)
    if check_keys:
        await check_encryption_key(res.db, res.cipher)
    return res


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


# A stop still going on this long after the signal logs what it waits on (one warning).
STOP_REPORT_SECONDS = 15.0


@dataclass
class Stop:
    """Set by SIGINT (Ctrl-C) or SIGTERM; remembers which, for the log."""

    event: asyncio.Event = field(default_factory=asyncio.Event)
    reason: str = ""

    def set(self, reason: str) -> None:
        """Record the first reason and wake every waiter; a stop still going on after
        STOP_REPORT_SECONDS says in the log what it waits on."""
        if not self.event.is_set():
            self.reason = reason
            log.info("%s received: stopping", reason)
            asyncio.get_running_loop().call_later(
                STOP_REPORT_SECONDS,
                report_pending,
                f"still stopping {STOP_REPORT_SECONDS:.0f} s after {reason}",
            )
        self.event.set()

    async def wait(self) -> None:
        """Until a signal arrives."""
        await self.event.wait()


def stop_event() -> Stop:
    """A `Stop` set by SIGINT or SIGTERM."""
    stop = Stop()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGINT, stop.set, "Ctrl-C")
    loop.add_signal_handler(signal.SIGTERM, stop.set, "SIGTERM")
    return stop


async def start_site(
    app: web.Application,
    host: str,
    port: int,
    stack: AsyncExitStack,
    *,
    what: str = "web",
    setting: str = "PORT",
) -> None:
    """Serve an aiohttp app with header limits and keep-alive timeouts; stopped by `stack`.

    A port that cannot be opened is a `StartupError` naming the setting to change.
    """
    quiet_malformed_requests()
    runner = web.AppRunner(
        app,
        handle_signals=False,
        # Our own access logger: route patterns instead of paths, never query strings.
        access_log_class=AccessLogger,
        access_log=logging.getLogger(ACCESS_LOGGER),
        keepalive_timeout=15,
        max_line_size=8190,
        max_field_size=8190,
        shutdown_timeout=5,
    )
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    site = web.TCPSite(runner, host, port, backlog=256)
    try:
        await site.start()
    except OSError as exc:
        reason = (
            "is already in use"
            if exc.errno == errno.EADDRINUSE
            else f"cannot be opened ({exc.strerror or exc.__class__.__name__})"
        )
        raise StartupError(
            f"{what} port {host}:{port} {reason}; set {setting} to another port"
        ) from None


# ---- long-running commands ---------------------------------------------------------------------


async def run_all(settings: Settings) -> int:
    """Web app and worker in one process, on embedded services unless configured otherwise."""
    from backend.web.app import build_app

    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        if stop.event.is_set():
            return 0
        telegram = await _start_telegram(res, stack)
        webhook = telegram.webhook_route if telegram is not None else None
        await start_site(
            build_app(res, telegram_webhook=webhook), res.settings.HOST, res.settings.PORT, stack
        )
        if telegram is not None:
            await telegram.connect_webhook()
        discord_bot = await _start_discord(res, stack)
        supervisor = await _start_worker_health(res, stack)
        worker_run = asyncio.create_task(supervisor.run(stop.event))
        parts = ["web", "worker"] + (["telegram"] if telegram is not None else [])
        parts += ["discord"] if discord_bot is not None else []
        await _watch(res, stack, "+".join(parts), telegram)
        settle_heap()
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
            "ContestSync is running at %s (listening on %s:%d; %s; %s). Press Ctrl-C to stop.",
            res.settings.PUBLIC_BASE_URL,
            res.settings.HOST,
            res.settings.PORT,
            ", ".join(parts),
            where,
        )
        await worker_run
    log.info("ContestSync stopped")
    return 0


async def run_web(settings: Settings) -> int:
    """The web backend alone."""
    from backend.web.app import build_app

    async def start(
        res: Resources, stack: AsyncExitStack, stop: Stop
    ) -> tuple[Awaitable[None], str]:
        await start_site(build_app(res), res.settings.HOST, res.settings.PORT, stack)
        where = (
            f"at {res.settings.PUBLIC_BASE_URL} "
            f"(listening on {res.settings.HOST}:{res.settings.PORT})"
        )
        return stop.wait(), where

    return await _run_part(settings, "web", "web backend", start)


async def run_worker(settings: Settings) -> int:
    """The arq worker alone, with its health server on WORKER_PORT."""

    async def start(
        res: Resources, stack: AsyncExitStack, stop: Stop
    ) -> tuple[Awaitable[None], str]:
        supervisor = await _start_worker_health(res, stack)
        where = f"health on {res.settings.HOST}:{res.settings.WORKER_PORT}"
        return asyncio.create_task(supervisor.run(stop.event)), where

    return await _run_part(settings, "worker", "worker", start)


async def _run_part(
    settings: Settings,
    role: str,
    name: str,
    start: Callable[[Resources, AsyncExitStack, Stop], Awaitable[tuple[Awaitable[None], str]]],
) -> int:
    """One part of ContestSync in its own process (`web` or `worker`): resources, the chat
    senders for the notices it records, the part itself (`start` gives what to wait on and
    where it serves), the maintainers' watch; then run until stopped."""
    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        await _telegram_notices(res, stack)
        await _discord_notices(res, stack)
        running, where = await start(res, stack, stop)
        await _watch(res, stack, role, None)
        settle_heap()
        log.info("%s running %s", name, where)
        await running
    log.info("%s stopped", name)
    return 0


async def run_telegram(settings: Settings) -> int:
    """The Telegram bot alone: long polling, or (TELEGRAM_WEBHOOK_URL) its webhook on PORT."""
    from backend.web.app import build_app
    from bot.telegram.app import start_telegram_bot

    async def start(res: Resources, stack: AsyncExitStack) -> None:
        bot = await start_telegram_bot(res, stack)
        route = bot.webhook_route
        if route is not None:
            await start_site(
                build_app(res, telegram_webhook=route), res.settings.HOST, res.settings.PORT, stack
            )
            await bot.connect_webhook()
        else:  # polling: PORT is free, so it serves this process's /metrics
            from backend.web.admin import build_metrics_app

            await start_site(build_metrics_app(res), res.settings.HOST, res.settings.PORT, stack)
        await _watch(res, stack, "telegram", bot)

    return await _run_bot(settings, "TELEGRAM_BOT_TOKEN", "Telegram bot", start)


async def _start_worker_health(res: Resources, stack: AsyncExitStack) -> WorkerSupervisor:
    """A supervised worker (not started yet) and its health server on WORKER_PORT."""
    from backend.worker.settings import build_health_app
    from backend.worker.supervise import WorkerSupervisor

    supervisor = WorkerSupervisor(res)
    await start_site(
        build_health_app(lambda: supervisor.worker, res),
        res.settings.HOST,
        res.settings.WORKER_PORT,
        stack,
        what="worker health",
        setting="WORKER_PORT",
    )
    return supervisor


async def run_discord(settings: Settings) -> int:
    """The Discord bot alone: one gateway connection (auto-sharded with DISCORD_SHARD_COUNT);
    its REST requests take places first in the bot token's shared window."""
    from bot.discord.app import start_discord_bot
    from shared.messaging.discord import build_send_window

    async def start(res: Resources, stack: AsyncExitStack) -> None:
        await start_discord_bot(res, stack, send_window=build_send_window(res.valkey, reply=True))

    return await _run_bot(settings, "DISCORD_BOT_TOKEN", "Discord bot", start)


async def _run_bot(
    settings: Settings,
    token: str,
    name: str,
    start: Callable[[Resources, AsyncExitStack], Awaitable[None]],
) -> int:
    """One chat platform's bot in its own process: refused without its `token` setting; then
    resources, the bot (`start`), and run until stopped."""
    if getattr(settings, token) is None:
        raise ConfigError(f"{token} is not set")
    async with AsyncExitStack() as stack:
        stop = stop_event()
        res = await prepare(settings, stack)
        await start(res, stack)
        settle_heap()
        await stop.wait()
    log.info("%s stopped", name)
    return 0


async def _start_discord(res: Resources, stack: AsyncExitStack) -> DiscordBot | None:
    """The Discord bot when DISCORD_BOT_TOKEN is set; one log line saying so otherwise. (For
    `run`: the worker in this process sends through the bot's client, so its REST requests
    take places in the bot token's shared window.)"""
    if res.settings.DISCORD_BOT_TOKEN is None:
        log.info("Discord bot disabled: DISCORD_BOT_TOKEN is not set")
        return None
    from bot.discord.app import start_discord_bot
    from shared.messaging.discord import build_send_window

    return await start_discord_bot(res, stack, send_window=build_send_window(res.valkey))


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

    sender = await open_telegram_sender(res.settings, res.db, stack, res.valkey)
    if sender is not None:
        res.messenger.register(ChatPlatform.TELEGRAM, sender)


async def _discord_notices(res: Resources, stack: AsyncExitStack) -> None:
    """Deliver the notices this process records to Discord users, when a token is set."""
    if res.settings.DISCORD_BOT_TOKEN is None:
        return
    from shared.messaging.discord import open_discord_sender

    sender = await open_discord_sender(res.settings, stack, res.valkey)
    if sender is not None:
        res.messenger.register(ChatPlatform.DISCORD, sender)


async def _watch(
    res: Resources, stack: AsyncExitStack, role: str, telegram: TelegramBot | None
) -> None:
    """Maintainers' alerts for this process: node started now, stopping on the way out, and the
    periodic checks (with a probe of the Telegram Bot API where the bot runs)."""
    from shared.alerts.watch import Monitor, Probe, note_node

    probes: dict[str, Probe] = {}
    if telegram is not None:
        probes["telegram"] = telegram.probe
    monitor = Monitor(res, probes)
    note_node(res.alerts, role, started=True)
    monitor.start()

    async def stopping() -> None:
        await monitor.stop()
        note_node(res.alerts, role, started=False)
        await res.alerts.settle()

    stack.push_async_callback(stopping)


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


async def run_rotate_keys(settings: Settings) -> int:
    """Re-seal every grant under the current key; exit 1 if some grant no key opens."""
    from shared.services.grants import rotate_keys

    async with AsyncExitStack() as stack:
        # No key check here: rotating is how a deployment moves off an old key.
        res = await prepare(settings, stack, check_keys=False)
        done = await rotate_keys(res.db, res.cipher)
    print(
        f"re-encrypted {done.rotated} grant(s) under the current key; "
        f"{done.current} already were; {done.unreadable} could not be decrypted"
    )
    if done.unreadable:
        print(
            "contestsync rotate-keys: some grants open with no configured key; keep "
            "ENCRYPTION_OLD_KEYS until they are reconnected",
            file=sys.stderr,
        )
        return 1
    return 0


async def run_scrape(settings: Settings, only: str | None) -> int:
    """Scrape all (or one) platforms once and print a table; non-zero if any failed."""
    from shared.services.scrape import ScrapeStatus, scrape_platform

    names = [only] if only else list(PLATFORMS)
    async with AsyncExitStack() as stack:
        res = await prepare(settings, stack)
        # Concurrently: each platform keeps its own rate limit and retries in PlatformClient.
        rows = await asyncio.gather(*(scrape_platform(res, get_platform(n)) for n in names))
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

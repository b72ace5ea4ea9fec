"""The pages in a real browser: Debian's headless Chromium, driven by selenium.

The backend runs on a real port that is also its PUBLIC_BASE_URL, so the browser follows the
whole Google connect flow through the fake Google by itself. Selenium is synchronous, so every
browser call runs in a thread while the server keeps answering on the event loop. Each test saves
a screenshot of every page it opens under its temporary folder.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import socket
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestServer
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from backend.web.app import build_app
from shared.config import Settings
from shared.db import contests as cq
from shared.models import Contest
from shared.resources import Resources, open_resources
from shared.services.connect import create_connect_link
from tests.fakes.google import FakeGoogle

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DESKTOP = (1280, 900)
PHONE = (390, 844)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Site:
    """Our backend on a real port, and its resources."""

    base: str
    res: Resources


@pytest.fixture
async def site(settings: Settings) -> AsyncIterator[Site]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    async with AsyncExitStack() as stack:
        res = await open_resources(settings.model_copy(update={"PUBLIC_BASE_URL": base}), stack)
        server = TestServer(build_app(res), host="127.0.0.1", port=port)
        await server.start_server()
        stack.push_async_callback(server.close)
        yield Site(base, res)


@pytest.fixture(scope="module")
def driver_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="contestsync-chromium-") as path:
        yield Path(path)


@pytest.fixture
def driver(driver_dir: Path, tmp_path: Path) -> Iterator[webdriver.Chrome]:
    """Headless Chromium from Debian's packages; missing packages fail the test, never skip."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()) and not shutil.which("chromium"):
        pytest.fail(
            "Debian's chromium and chromium-driver are needed: "
            "apt-get install -y chromium chromium-driver (.ci/run and make test do it)"
        )
    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-GB",
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    chrome.set_page_load_timeout(30)
    try:
        yield chrome
    finally:
        chrome.quit()


class Browser:
    """Async wrappers over the driver: each call runs in a thread."""

    def __init__(self, driver: webdriver.Chrome, shots: Path) -> None:
        self.driver = driver
        self.shots = shots
        self.shots.mkdir(parents=True, exist_ok=True)

    async def call(self, fn: Any, *args: Any) -> Any:
        return await asyncio.to_thread(fn, *args)

    async def open(self, url: str, shot: str) -> None:
        await self.call(self.driver.get, url)
        await self.screenshot(shot)

    async def continue_to_google(self, link: str, shot: str) -> None:
        """Open a /connect link, see whose chat it is, press "Continue to Google" (a POST) and
        wait until the flow is back on one of our pages."""
        await self.open(link, f"{shot}-confirm")

        def press() -> None:
            before = self.driver.current_url
            self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
            for _ in range(200):
                if self.driver.current_url != before:
                    break
                time.sleep(0.05)

        await self.call(press)
        await self.screenshot(shot)

    async def screenshot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        assert await self.call(self.driver.save_screenshot, str(path))
        assert path.stat().st_size > 1000
        return path

    async def script(self, source: str) -> Any:
        return await self.call(self.driver.execute_script, source)

    async def texts(self, css: str) -> list[str]:
        def read() -> list[str]:
            return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, css)]

        return list(await self.call(read))

    async def console_problems(self) -> list[dict[str, Any]]:
        """Console entries at warning level or worse (CSP violations are errors), except the
        page's own status line (an error page is meant to answer 400)."""
        page = await self.call(lambda: self.driver.current_url)
        entries = await self.call(self.driver.get_log, "browser")
        return [
            e
            for e in entries
            if e["level"] in ("SEVERE", "WARNING")
            and not (e["source"] == "network" and e["message"].startswith(f"{page} - "))
        ]


@pytest.fixture
def browser(driver: webdriver.Chrome, tmp_path: Path) -> Browser:
    return Browser(driver, tmp_path / "screenshots")


async def seed(res: Resources, titles: list[tuple[str, str, datetime]]) -> None:
    contests = [
        Contest(
            "codeforces",
            cid,
            title,
            f"https://codeforces.com/contest/{cid}",
            start,
            start + timedelta(hours=2),
        )
        for cid, title, start in titles
    ]
    async with res.db.write.acquire() as conn, conn.transaction():
        await cq.upsert_contests(conn, "codeforces", contests, datetime.now(UTC))


def tomorrow_at(hour: int, minute: int) -> datetime:
    day = datetime.now(UTC).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


async def test_landing_page_shows_contests_and_switches_to_the_browsers_time_zone(
    site: Site, browser: Browser
) -> None:
    await seed(site.res, [("2301", "Codeforces Round 1001 (Div. 2)", tomorrow_at(14, 35))])
    await browser.call(
        browser.driver.execute_cdp_cmd,
        "Emulation.setTimezoneOverride",
        {"timezoneId": "Asia/Kolkata"},
    )
    await browser.open(site.base + "/", "index-utc")
    assert "Codeforces Round 1001 (Div. 2)" in await browser.texts("li a")
    assert await browser.texts("time[data-utc]") == ["14:35 UTC"]
    button = await browser.call(browser.driver.find_element, By.ID, "tz")
    await browser.call(button.click)
    [local] = await browser.texts("time[data-utc]")
    # 14:35 UTC is 20:05 in India (UTC+5:30), written the browser locale's way.
    assert re.search(r"\b(20:05|08:05\sPM)\b", local), local
    assert "UTC" not in local
    assert await browser.texts("#tz") == ["Show UTC"]
    [zone] = await browser.texts("#zone")
    assert zone in ("your time zone (Asia/Kolkata)", "your time zone (Asia/Calcutta)")
    await browser.screenshot("index-local")
    await browser.call(button.click)
    assert await browser.texts("time[data-utc]") == ["14:35 UTC"]
    assert await browser.texts("#zone") == ["UTC"]
    assert await browser.console_problems() == []


async def test_no_page_has_a_console_error_or_csp_violation(site: Site, browser: Browser) -> None:
    await seed(site.res, [("2301", "Round 1", tomorrow_at(9, 0))])
    for path, shot in (
        ("/", "index"),
        ("/privacy", "privacy"),
        ("/terms", "terms"),
        ("/auth/google/callback?state=forged&code=abc", "callback-invalid"),
    ):
        await browser.open(site.base + path, shot)
        assert await browser.console_problems() == [], path
    icon = await browser.script(
        "return fetch('/favicon.svg').then(r => r.status + ' ' + r.headers.get('content-type'))"
    )
    assert icon.startswith("200 image/svg+xml")


async def test_oauth_result_pages_render_in_the_browser(
    site: Site, browser: Browser, fake_google: FakeGoogle
) -> None:
    link = await create_connect_link(
        site.res.db, site.res.settings, "telegram", "1001", "1001", "alice"
    )
    await browser.open(link.url, "connect-confirm")
    assert await browser.texts("h1") == ["Connect Google Calendar to Telegram user @alice?"]
    assert await browser.console_problems() == []
    await browser.continue_to_google(link.url, "connected")
    assert await browser.texts("h1") == ["Connected — you can close this tab"]
    assert (await browser.call(lambda: browser.driver.current_url)).startswith(
        site.base + "/auth/google/callback?"
    )
    assert await browser.console_problems() == []
    fake_google.next_consent = ("alice-sub", "deny")
    again = await create_connect_link(
        site.res.db, site.res.settings, "telegram", "1001", "1001", "alice"
    )
    await browser.continue_to_google(again.url, "cancelled")
    assert await browser.texts("h1") == ["You cancelled"]
    footer = await browser.texts("footer a")
    assert "Privacy" in footer and "Terms" in footer
    await browser.open(link.url, "link-used")
    assert await browser.texts("h1") == ["Link expired or already used"]


@pytest.mark.parametrize("path", ["/", "/privacy", "/terms"])
async def test_layout_holds_at_phone_width(site: Site, browser: Browser, path: str) -> None:
    long_title = "Educational Codeforces Round 999 (Rated for Div. 2) " + "Extraordinarily" * 4
    await seed(
        site.res,
        [(str(2300 + i), f"{long_title} {i}", tomorrow_at(8 + i, 5)) for i in range(6)],
    )
    await browser.call(browser.driver.set_window_size, *PHONE)
    await browser.open(site.base + path, f"phone-{path.strip('/') or 'index'}")
    width, inner = await browser.script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert inner <= PHONE[0]
    assert width <= inner, f"{path} scrolls sideways at phone width ({width} > {inner})"
    overflowing = await browser.script(
        "return [...document.querySelectorAll('main *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
        ".map(e => e.tagName + ' ' + e.textContent.slice(0, 40))"
    )
    assert overflowing == []

"""Pages a person can trust: /privacy, /terms, the icons, and the links that lead to them."""

from __future__ import annotations

import base64
import hashlib
import re
import struct
import zlib
from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer

from backend.web.app import build_app
from shared.platforms.registry import PLATFORMS
from shared.resources import Resources


@pytest.fixture
async def client(res: Resources) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(build_app(res))) as test_client:
        yield test_client


def csp_sources(csp: str, directive: str) -> list[str]:
    """The sources one directive of a Content-Security-Policy allows."""
    (sources,) = [p.split()[1:] for p in csp.split(";") if p.split()[:1] == [directive]]
    return sources


def sha256_source(block: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() + "'"


def assert_page_headers(response: ClientResponse, html: str) -> None:
    """The page's security headers, and a CSP that allows its inline blocks by hash alone."""
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "nonce-" not in csp
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert not re.search(r"\son[a-z]+\s*=", html), "no inline event handlers"
    for tag in ("style", "script"):
        blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.DOTALL)
        assert len(re.findall(rf"<{tag}\b", html)) == len(blocks), f"a {tag} with attributes"
        allowed = [sha256_source(block) for block in blocks] or ["'none'"]
        assert csp_sources(csp, f"{tag}-src") == allowed


@pytest.mark.parametrize("path", ["/privacy", "/terms", "/"])
async def test_pages_carry_the_security_headers_and_hashes_of_their_inline_blocks(
    client: TestClient, path: str
) -> None:
    response = await client.get(path)
    assert_page_headers(response, await response.text())


async def test_privacy_says_what_is_stored_and_how_to_remove_it(client: TestClient) -> None:
    html = await (await client.get("/privacy")).text()
    for fact in (
        "chat id",
        "platforms you follow",
        "time zone",
        "email address",
        "refresh token encrypted",
        "Calendar event ids",
        "/deleteme",
        "/disconnect",
        "https://www.googleapis.com/auth/calendar.app.created",
        "cannot see, change or delete your other calendars",
        "10 minutes",
    ):
        assert fact in html, fact


async def test_terms_page_links_the_privacy_notice(client: TestClient) -> None:
    html = await (await client.get("/terms")).text()
    assert "<h1>Terms</h1>" in html
    assert "href='/privacy'" in html


async def test_landing_page_links_the_feeds_privacy_and_terms(client: TestClient) -> None:
    html = await (await client.get("/")).text()
    for href in ("/privacy", "/terms", "/feeds/all.ics", *(f"/feeds/{p}.ics" for p in PLATFORMS)):
        assert f"href='{href}'" in html, href
    assert "rel='icon' href='/favicon.svg'" in html


async def test_oauth_result_pages_link_privacy_and_terms(client: TestClient) -> None:
    response = await client.get("/auth/google/callback?state=unknown&code=abc")
    html = await response.text()
    assert response.status == 400
    assert "href='/privacy'" in html and "href='/terms'" in html


async def test_favicon_ico_is_an_icon_holding_a_32px_png(client: TestClient) -> None:
    response = await client.get("/favicon.ico")
    assert response.status == 200
    assert response.content_type == "image/x-icon"
    data = await response.read()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 1)
    width, height, _, _, _, bits, size, offset = struct.unpack("<BBBBHHII", data[6:22])
    png = data[offset : offset + size]
    assert (width, height, bits) == (32, 32, 32)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (32, 32)
    (idat_len,) = struct.unpack(">I", png[33:37])
    assert png[37:41] == b"IDAT"
    pixels = zlib.decompress(png[41 : 41 + idat_len])
    assert len(pixels) == 32 * (1 + 32 * 4)


async def test_favicon_svg_is_served_as_svg(client: TestClient) -> None:
    response = await client.get("/favicon.svg")
    assert response.status == 200
    assert response.content_type == "image/svg+xml"
    assert (await response.text()).startswith("<svg ")

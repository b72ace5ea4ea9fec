"""The fake Discord behaves as Discord does where the bot depends on it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from tests.fakes.discord import FakeDiscord

USER = "210000000000000001"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(deadline=0.5)
    await server.start()
    server.add_guild("500")
    yield server
    await server.close()


@pytest.fixture
async def http(fake: FakeDiscord) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(headers={"Authorization": f"Bot {fake.token}"}) as session:
        yield session


async def receive(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    message = await asyncio.wait_for(ws.receive(), 5)
    return dict(json.loads(message.data))


@pytest.fixture
async def gateway(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A client that identified, read READY and the GUILD_CREATE, with commands registered."""
    async with http.put(
        f"{fake.api_url}/applications/{fake.application_id}/commands",
        json=[{"name": "help", "description": "List the commands", "type": 1}],
    ) as response:
        assert response.status == 200
    async with http.ws_connect(fake.gateway_url) as ws:
        hello = await receive(ws)
        assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] > 0
        await ws.send_json({"op": 2, "d": {"token": fake.token, "intents": 1, "properties": {}}})
        ready = await receive(ws)
        assert ready["t"] == "READY" and ready["d"]["resume_gateway_url"] == fake.gateway_url
        created = await receive(ws)
        assert created["t"] == "GUILD_CREATE" and created["d"]["id"] == "500"
        yield ws


async def test_answers_are_exactly_application_json(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    async with http.get(f"{fake.api_url}/users/@me") as response:
        assert response.headers["Content-Type"] == "application/json"
        assert (await response.json())["bot"] is True


async def test_bot_routes_need_the_token(fake: FakeDiscord) -> None:
    async with aiohttp.ClientSession() as anonymous:
        async with anonymous.get(f"{fake.api_url}/users/@me") as response:
            assert response.status == 401
    assert fake.calls[-1].status == 401


async def test_privileged_intents_are_refused(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    async with http.ws_connect(fake.gateway_url) as ws:
        await receive(ws)
        await ws.send_json({"op": 2, "d": {"token": fake.token, "intents": 1 | 1 << 15}})
        closed = await asyncio.wait_for(ws.receive(), 5)
        assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4014


async def test_heartbeats_are_acknowledged_and_resume_replays_missed_events(
    fake: FakeDiscord, http: aiohttp.ClientSession, gateway: aiohttp.ClientWebSocketResponse
) -> None:
    await gateway.send_json({"op": 1, "d": 2})
    assert (await receive(gateway))["op"] == 11
    await fake.drop_gateway()
    interaction = await fake.slash("help", user_id=USER)  # sent while disconnected
    async with http.ws_connect(fake.gateway_url) as ws:
        await receive(ws)
        session = next(iter(fake.sessions))
        await ws.send_json({"op": 6, "d": {"token": fake.token, "session_id": session, "seq": 2}})
        missed = await receive(ws)
        assert missed["t"] == "INTERACTION_CREATE" and missed["d"]["id"] == interaction.id
        assert (await receive(ws))["t"] == "RESUMED"
    assert fake.resumes == 1


async def test_one_initial_response_within_the_deadline(
    fake: FakeDiscord, http: aiohttp.ClientSession, gateway: aiohttp.ClientWebSocketResponse
) -> None:
    first = await fake.slash("help", user_id=USER)
    url = f"{fake.api_url}/interactions/{first.id}/{first.token}/callback"
    body = {"type": 4, "data": {"content": "hi"}}
    async with http.post(url, json=body) as response:
        assert response.status == 204
    async with http.post(url, json=body) as response:
        assert response.status == 400 and (await response.json())["code"] == 40060
    late = await fake.slash("help", user_id=USER)
    await asyncio.sleep(0.6)
    async with http.post(
        f"{fake.api_url}/interactions/{late.id}/{late.token}/callback", json=body
    ) as response:
        assert response.status == 404
        assert await response.json() == {"message": "Unknown interaction", "code": 10062}


async def test_messages_over_discords_limits_are_refused(
    fake: FakeDiscord, http: aiohttp.ClientSession, gateway: aiohttp.ClientWebSocketResponse
) -> None:
    interaction = await fake.slash("help", user_id=USER)
    url = f"{fake.api_url}/interactions/{interaction.id}/{interaction.token}/callback"
    async with http.post(url, json={"type": 4, "data": {"content": "x" * 2001}}) as response:
        assert response.status == 400
        body = await response.json()
        assert body["code"] == 50035 and "content" in body["errors"]["data"]
    assert interaction.responses == []


async def test_rate_limits_carry_retry_after_headers_and_via(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    fake.rate_limit("GET /users/@me", retry_after=1.5)
    async with http.get(f"{fake.api_url}/users/@me") as response:
        assert response.status == 429
        assert (await response.json())["retry_after"] == 1.5
        assert response.headers["X-RateLimit-Remaining"] == "0"
        assert response.headers["X-RateLimit-Reset-After"] == "1.500"
        assert response.headers["Via"]
    async with http.get(f"{fake.api_url}/users/@me") as response:
        assert response.status == 200


async def test_sending_needs_the_channel_permissions(
    fake: FakeDiscord, http: aiohttp.ClientSession
) -> None:
    channel = fake.channel("500", "contests")
    bot_role = fake.role_named("500", "ContestSync")
    everyone = "500"
    assert bot_role is not None
    fake.deny_in_channel(channel["id"], everyone, 1 << 11)  # Send Messages for @everyone
    fake.deny_in_channel(channel["id"], bot_role["id"], 1 << 11)
    url = f"{fake.api_url}/channels/{channel['id']}/messages"
    async with http.post(url, json={"content": "hello"}) as response:
        assert response.status == 403
        assert await response.json() == {"message": "Missing Permissions", "code": 50013}
    fake.fail_next("GET /channels/{channel_id}", 404, 10003, "Unknown Channel")
    async with http.get(f"{fake.api_url}/channels/{channel['id']}") as response:
        assert response.status == 404

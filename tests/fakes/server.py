"""What every fake shares: an aiohttp app served on a free port of 127.0.0.1."""

from __future__ import annotations

import socket

from aiohttp import web


class LocalServer:
    """Serves `self.app` on 127.0.0.1; `start()` returns the base URL, `close()` stops it."""

    app: web.Application
    _runner: web.AppRunner | None = None
    _base_url: str | None = None

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT"""
        if self._base_url is None:
            raise RuntimeError(f"{type(self).__name__} is not started")
        return self._base_url

    async def start(self) -> str:
        """Serve on a free port and return the base URL."""
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        await web.SockSite(self._runner, sock).start()
        self._base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self._base_url

    async def close(self) -> None:
        """Stop serving (idempotent)."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

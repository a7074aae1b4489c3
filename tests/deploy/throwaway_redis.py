"""A redis-server of the test's own on a free loopback port (never the machine's shared one)."""

import contextlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.deploy.test_production_path import free_port


class ThrowawayRedis:
    """Started and stopped by the test; its data survives a stop (saved to a dump file)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="portal-redis-"))
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [
            shutil.which("redis-server") or "redis-server",
            *("--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder)),
            *("--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"),
        ]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        """Saves what it holds (as a restart of a real server keeps it) and exits."""
        if self.process is None:
            return
        with contextlib.suppress(redis.ConnectionError):  # shutting down closes the connection
            redis.Redis(port=self.port).shutdown(save=True)
        self.process.wait(timeout=20)
        self.process = None

    def remove(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)

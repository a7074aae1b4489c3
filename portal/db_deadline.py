"""A client-side deadline for PostgreSQL queries, so a frozen database becomes a 503, not a hang.

PostgreSQL's own `statement_timeout` (settings/base.py) cancels a slow query, and TCP
keepalives notice a server host that vanished; but a server that is frozen (stopped process,
hung storage) on a host whose kernel still acknowledges packets answers neither, and the
worker would wait until gunicorn kills it. So every query of a web process gets a deadline
(the statement timeout plus a grace period): a watchdog thread shuts down the socket of a
query that runs past it, psycopg raises OperationalError, and ServiceUnavailableMiddleware
answers with the 503 page. The connection is then discarded and the next request connects
afresh. libpq has no read timeout of its own, hence this small mechanism (docs/security.md).

Queries run through the connection's cursor factory, which is wrapped when the connection is
created: that covers the ORM, raw cursors and Django's connection health check.
"""

import contextlib
import os
import socket
import threading
import time

from django.conf import settings
from django.db.backends.signals import connection_created

CHECK_EVERY_SECONDS = 0.25


class Watchdog:
    """Shuts down the sockets of queries that are still running after their deadline."""

    def __init__(self):
        self.lock = threading.Lock()
        self.running: dict[object, tuple[float, int]] = {}  # token → (deadline, socket fd)
        self.thread: threading.Thread | None = None

    @contextlib.contextmanager
    def deadline(self, fileno: int, seconds: float):
        token = object()
        with self.lock:
            self.running[token] = (time.monotonic() + seconds, fileno)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._watch, name="db-deadline", daemon=True)
                self.thread.start()
        try:
            yield
        finally:
            with self.lock:
                self.running.pop(token, None)

    def _watch(self) -> None:
        while True:
            time.sleep(CHECK_EVERY_SECONDS)
            now = time.monotonic()
            with self.lock:  # held while cutting, so a finished query's fd is never touched
                for token, (deadline, fileno) in list(self.running.items()):
                    if now >= deadline:
                        del self.running[token]
                        _shut_down(fileno)


def _shut_down(fileno: int) -> None:
    with contextlib.suppress(OSError), socket.socket(fileno=os.dup(fileno)) as duplicate:
        duplicate.shutdown(socket.SHUT_RDWR)  # the original descriptor sees end-of-file


watchdog = Watchdog()
_watched_classes: dict[type, type] = {}


def _watched(cursor_class: type) -> type:
    """A subclass of psycopg's cursor class whose execute() runs under the deadline."""
    if cursor_class not in _watched_classes:

        class WatchedCursor(cursor_class):
            def execute(self, *args, **kwargs):
                with watchdog.deadline(self.connection.fileno(), settings.DB_QUERY_DEADLINE):
                    return super().execute(*args, **kwargs)

            def executemany(self, *args, **kwargs):
                with watchdog.deadline(self.connection.fileno(), settings.DB_QUERY_DEADLINE):
                    return super().executemany(*args, **kwargs)

        _watched_classes[cursor_class] = WatchedCursor
    return _watched_classes[cursor_class]


def watch_new_connection(sender, connection, **kwargs) -> None:
    if connection.vendor != "postgresql" or not settings.DB_QUERY_DEADLINE:
        return
    raw = connection.connection
    if not issubclass(raw.cursor_factory, tuple(_watched_classes.values())):
        raw.cursor_factory = _watched(raw.cursor_factory)


def install() -> None:
    connection_created.connect(watch_new_connection, dispatch_uid="portal-db-deadline")

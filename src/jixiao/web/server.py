"""The bundled HTTP server: Django's threaded WSGI server, in one or several processes.

Python runs one thread at a time per process, so on a machine with several cores the server
forks ``workers`` processes that accept connections from one listening socket, each serving
every connection in its own thread. Browsers keep connections open, so a process that took
more connections than another leaves the next one to the least busy process (each process
publishes its count of open connections in shared memory). Stopping the first process
(Ctrl+C or SIGTERM) stops the others.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import socketserver
import sys
import threading
import time
from types import FrameType
from typing import Any

from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.wsgi import get_wsgi_application
from django.db import connections


class RequestHandler(WSGIRequestHandler):
    """Django's handler with Nagle's algorithm off: on a kept-alive connection a response is
    written in several small sends, and Nagle + delayed ACK would hold each for ~40 ms."""

    disable_nagle_algorithm = True


class ThreadedServer(socketserver.ThreadingMixIn, WSGIServer):
    """Threaded WSGI server that counts its open connections in ``open_counts[slot]``."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, *args: Any, open_counts: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.open_counts = open_counts
        self.slot = 0
        self._count_lock = threading.Lock()

    def _change_count(self, delta: int) -> None:
        if self.open_counts is not None:
            with self._count_lock:
                self.open_counts[self.slot] += delta

    def _handle_request_noblock(self) -> None:
        counts = self.open_counts
        if counts is not None and len(counts) > 1 and counts[self.slot] > min(counts) + 1:
            time.sleep(0.001)  # a less busy process will take this connection
            return
        super()._handle_request_noblock()  # type: ignore[misc]

    def process_request(self, request: socket.socket, client_address: Any) -> None:
        self._change_count(1)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:
        super().shutdown_request(request)
        self._change_count(-1)


def default_workers() -> int:
    """One process per core and one more (at most 8): a process holds one core at a time, and
    while one waits on the database or on the write lock another can use its core."""
    return max(2, min(8, (os.cpu_count() or 1) + 1))


# A thread that waits on the database gives up the interpreter lock and must get it back from
# busy threads; a short switch interval keeps such waits (and a held write lock) short.
SWITCH_INTERVAL = 0.001


def serve(host: str, port: int, workers: int = 1) -> None:
    """Serve the web system on ``host:port`` until interrupted."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    workers = max(1, workers) if sys.platform != "win32" else 1
    counts = multiprocessing.RawArray("i", workers) if workers > 1 else None
    httpd = ThreadedServer((host, port), RequestHandler, ipv6=":" in host, open_counts=counts)
    httpd.set_app(get_wsgi_application())
    connections.close_all()  # no database connection may cross a fork
    children: list[int] = []
    for slot in range(1, workers):
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            httpd.slot = slot
            try:
                httpd.serve_forever()
            finally:
                os._exit(0)
        children.append(pid)

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        httpd.server_close()

"""Write transactions that queue fairly on SQLite.

SQLite lets one writer in at a time; the others poll with growing sleeps, so under load some
saves wait far longer than others. On SQLite, writers here first queue on a thread lock (one
writer per process) and an OS file lock in the data directory (one writer across processes),
both of which wake waiters in turn instead of polling. Other databases get a plain
``transaction.atomic()``.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

_thread_lock = threading.Lock()
_lock_file: tuple[int, int] | None = None  # (pid, fd): reopened after a fork


def _lock_fd() -> int:
    global _lock_file
    if _lock_file is None or _lock_file[0] != os.getpid():
        path = Path(settings.DATA_DIR) / ".sqlite-write.lock"
        path.parent.mkdir(parents=True, exist_ok=True)
        _lock_file = (os.getpid(), os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    return _lock_file[1]


@contextmanager
def write_transaction() -> Iterator[None]:
    """``transaction.atomic()``, entered in turn with the other writers on SQLite."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        with transaction.atomic():
            yield
        return
    with _thread_lock:
        if sys.platform == "win32":
            with transaction.atomic():
                yield
            return
        import fcntl

        fd = _lock_fd()
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            with transaction.atomic():
                yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

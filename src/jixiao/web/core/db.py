"""Write transactions that queue fairly on SQLite.

SQLite lets one writer in at a time; the others poll with growing sleeps, so under load some
saves wait far longer than others. On SQLite, writers here first queue on a thread lock (one
writer per process) and an OS file lock in the data directory (one writer across processes),
both of which wake waiters in turn instead of polling. Other databases get a plain
``transaction.atomic()``.

SQLite copies its write-ahead log back into the database file (a *checkpoint*, with an fsync)
after some commits; done by the committing writer, that would hold every other writer's turn
for the length of the fsync. So the automatic checkpoint is set far off (settings) and every
``CHECKPOINT_EVERY`` write transactions a background thread runs a passive checkpoint, which
lets writers go on meanwhile. SQLite's query planner also needs statistics to tell an index
that selects a few rows from one that selects all (``deleted_at IS NULL``): ``analyse`` gathers
them (sampled, quick) when the server starts and every ``ANALYSE_EVERY`` checkpoints.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

_thread_lock = threading.Lock()
_lock_file: tuple[int, int] | None = None  # (pid, fd): reopened after a fork

HOLDER_SWITCH_INTERVAL = 0.0002
"""While a thread holds the write lock, the other threads of its process hand the interpreter
back this often (seconds): each statement of the transaction waits for the interpreter when the
database returns it, and every writer of every process waits for the holder."""
CHECKPOINT_EVERY = 100
ANALYSE_EVERY = 20
_writes = 0
_checkpointing = threading.Lock()


def _analyse(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA analysis_limit=1000")
    conn.execute("ANALYZE")
    conn.commit()


def analyse() -> None:
    """Refresh SQLite's planner statistics (sampled); nothing on other databases."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    with closing(sqlite3.connect(str(connection.settings_dict["NAME"]), timeout=30)) as conn:
        _analyse(conn)


def _checkpoint(path: str, with_statistics: bool) -> None:
    """Copy the write-ahead log into the database without blocking writers (own connection)."""
    try:
        with closing(sqlite3.connect(path, timeout=30)) as conn:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            if with_statistics:
                _analyse(conn)
    except sqlite3.Error:
        pass  # the next turn tries again; SQLite's own (distant) checkpoint is the safety net
    finally:
        _checkpointing.release()


def _count_write() -> None:
    global _writes
    _writes += 1
    if connection.is_in_memory_db():
        return
    if _writes % CHECKPOINT_EVERY == 0 and _checkpointing.acquire(blocking=False):
        path = str(connection.settings_dict["NAME"])
        statistics = _writes % (CHECKPOINT_EVERY * ANALYSE_EVERY) == 0
        threading.Thread(target=_checkpoint, args=(path, statistics), daemon=True).start()


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
        switch = sys.getswitchinterval()
        sys.setswitchinterval(min(switch, HOLDER_SWITCH_INTERVAL))
        try:
            with transaction.atomic():
                yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            sys.setswitchinterval(switch)
        _count_write()

